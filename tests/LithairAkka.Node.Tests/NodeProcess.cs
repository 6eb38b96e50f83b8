using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace LithairAkka.Node.Tests;

/// <summary>A <c>LithairAkka.Node</c> child process on free loopback ports, run by the same dotnet host as the tests.</summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    private NodeProcess(Process process, int httpPort, int managementPort)
    {
        _process = process;
        Data = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = Deadline };
        Management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}/"), Timeout = Deadline };
        process.OutputDataReceived += (_, e) => Collect(_stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Collect(_stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public HttpClient Data { get; }

    public HttpClient Management { get; }

    public IReadOnlyCollection<string> StandardOutput => _stdout;

    public IReadOnlyCollection<string> StandardError => _stderr;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Four distinct free loopback ports: http, management, remoting, pbm.</summary>
    public static int[] FreePorts()
    {
        var listeners = Enumerable.Range(0, 4).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        foreach (var listener in listeners)
        {
            listener.Start();
        }

        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var listener in listeners)
        {
            listener.Stop();
        }

        return ports;
    }

    /// <summary>
    /// <paramref name="nodes"/> sets of <see cref="FreePorts"/> that share no port: each call releases its ports before
    /// the next, so two calls may return the same one.
    /// </summary>
    public static int[][] DistinctFreePorts(int nodes)
    {
        var taken = new HashSet<int>();
        var sets = new List<int[]>();
        while (sets.Count < nodes)
        {
            var ports = FreePorts();
            if (!ports.Any(taken.Contains))
            {
                taken.UnionWith(ports);
                sets.Add(ports);
            }
        }

        return [.. sets];
    }

    /// <summary>Starts the node with <paramref name="arguments"/> on <paramref name="ports"/> (see <see cref="FreePorts"/>).</summary>
    public static NodeProcess Start(string workingDirectory, int[] ports, params string[] arguments) =>
        Start(workingDirectory, ports, new Dictionary<string, string>(), arguments);

    /// <summary>As <see cref="Start(string, int[], string[])"/>, with further environment variables.</summary>
    public static NodeProcess Start(string workingDirectory, int[] ports, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var dotnet = Path.Combine(dotnetRoot, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        var info = new ProcessStartInfo(File.Exists(dotnet) ? dotnet : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LithairAkka.Node.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["LITHAIR_HTTP_PORT"] = ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["LITHAIR_MANAGEMENT_PORT"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["LITHAIR_REMOTE_PORT"] = ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["LITHAIR_CMD_PORT"] = ports[3].ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("The node process did not start.");
        return new NodeProcess(process, ports[0], ports[1]);
    }

    /// <summary>Waits until <c>/ready</c> answers 200 (a leader is known).</summary>
    public async Task AwaitReadyAsync()
    {
        using var cts = new CancellationTokenSource(Deadline);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The node exited with {_process.ExitCode}: {Output()}");
            }

            try
            {
                using var response = await Management.GetAsync("/ready", cts.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested)
            {
                throw new TimeoutException("The node was not ready in time: " + Output());
            }

            // Poll interval of a condition wait bounded by the deadline.
            await Task.Delay(50, cts.Token);
        }
    }

    /// <summary>SIGKILL: the process dies without running any shutdown.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync().WaitAsync(Deadline);
    }

    /// <summary>SIGTERM, as a service manager stops the node.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start.");
        kill.WaitForExit();
    }

    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(Deadline);

        // WaitForExit without a timeout also drains the redirected output.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public string Output() => string.Join('\n', _stdout.Concat(_stderr));

    public async ValueTask DisposeAsync()
    {
        Data.Dispose();
        Management.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Collect(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
