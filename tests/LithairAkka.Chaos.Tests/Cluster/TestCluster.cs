using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using LithairAkka.Chaos.Nemesis;
using Xunit.Abstractions;

namespace LithairAkka.Chaos.Tests.Cluster;

/// <summary>
/// A cluster of real node processes started with <c>ops/cluster.sh up</c> on a free port offset, with its pids, logs and
/// data in a temporary directory (<c>LITHAIR_CLUSTER_DIR</c>). Disposing it heals every fault, stops every node (SIGKILL
/// of any pid left) and deletes the directory, so a failed test leaves nothing running.
/// </summary>
internal sealed class TestCluster : IAsyncDisposable
{
    private static readonly int[] PortBases = [8080, 4053, 8558, 9110];
    private readonly string _script;
    private readonly string _root;
    private readonly ITestOutputHelper _output;
    private readonly int _nodes;

    private TestCluster(string root, string directory, int offset, int nodes, ITestOutputHelper output)
    {
        _root = root;
        _script = Path.Combine(root, "ops", "cluster.sh");
        Directory = directory;
        Offset = offset;
        _nodes = nodes;
        _output = output;
        DataAddresses = [.. Enumerable.Range(0, nodes).Select(i => new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{8080 + offset + i}/")))];
    }

    /// <summary>The cluster's directory: pids, logs, node data.</summary>
    public string Directory { get; }

    /// <summary>The port offset the cluster runs on.</summary>
    public int Offset { get; }

    /// <summary>The nodes' data API addresses, by node id.</summary>
    public IReadOnlyList<Uri> DataAddresses { get; }

    /// <summary>Starts <paramref name="nodes"/> nodes and waits until they are ready with a leader.</summary>
    public static async Task<TestCluster> StartAsync(int nodes, ITestOutputHelper output)
    {
        var root = FindRepositoryRoot();
        var directory = Path.Combine(Path.GetTempPath(), "lithair-chaos-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        var cluster = new TestCluster(root, directory, FreeOffset(nodes), nodes, output);
        try
        {
            await cluster.RunScriptAsync(TimeSpan.FromMinutes(10), "up", "--nodes", nodes.ToString(CultureInfo.InvariantCulture), "--port-offset", cluster.Offset.ToString(CultureInfo.InvariantCulture));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A nemesis control over this cluster's script, directory and management ports.</summary>
    public ClusterScriptControl Control(HttpClient http) => new(
        _script,
        _root,
        DataAddresses,
        http,
        new HttpFaultInjection(http, _nodes, managementBase: 8558 + Offset, remotingBase: 4053 + Offset),
        Environment());

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunScriptAsync(TimeSpan.FromMinutes(3), "down");
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            _output.WriteLine("cluster.sh down failed: " + e.Message);
        }

        // Whatever the script managed, no node of this cluster outlives the test.
        foreach (var pidFile in System.IO.Directory.EnumerateFiles(Directory, "node-*.pid"))
        {
            if (int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
            {
                KillIfAlive(pid);
            }
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException e)
        {
            _output.WriteLine("could not delete " + Directory + ": " + e.Message);
        }
    }

    private static void KillIfAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.ProcessName.StartsWith("dotnet", StringComparison.Ordinal) || process.ProcessName.Contains("LithairAkka", StringComparison.Ordinal))
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        catch (InvalidOperationException)
        {
            // Exited between the lookup and the kill.
        }
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["LITHAIR_CLUSTER_DIR"] = Directory,
        ["LITHAIR_READY_TIMEOUT"] = "300",
    };

    private async Task RunScriptAsync(TimeSpan limit, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = _root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in Environment())
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(_script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start bash");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cluster.sh {string.Join(' ', arguments)} did not finish within {limit}");
        }

        var text = (await stdout) + (await stderr);
        _output.WriteLine($"$ cluster.sh {string.Join(' ', arguments)}\n{text.TrimEnd()}");
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"cluster.sh {string.Join(' ', arguments)} exited {process.ExitCode}: {text.Trim()}");
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ops", "cluster.sh")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ops/cluster.sh not found above " + AppContext.BaseDirectory);
    }

    // A random offset whose every port (HTTP, remoting, management, pbm of each node) is free right now; the range
    // 1000-15000 stays clear of the default ports, of drills on small offsets and of the ephemeral range.
    private static int FreeOffset(int nodes)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var offset = 1000 + (Random.Shared.Next(1400) * 10);
            if (PortBases.All(b => Enumerable.Range(0, nodes).All(i => IsFree(b + offset + i))))
            {
                return offset;
            }
        }

        throw new InvalidOperationException("no free port offset found");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
