using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace LithairAkka.Cluster.NodeHost;

/// <summary>
/// A <c>node</c>-mode child process of this host, run by the same dotnet as the caller: its address, its event lines,
/// commands on its stdin, and the signals of the tests (SIGKILL, SIGSTOP, SIGCONT).
/// </summary>
public sealed class ChildNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Lock _lock = new();
    private readonly List<NodeEvent> _events = [];
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Done)> _waiters = [];
    private readonly TaskCompletionSource<string> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildNode(Process process)
    {
        _process = process;
        _ = Task.Run(PumpAsync);
    }

    /// <summary>The node's cluster address, <c>akka.tcp://cluster@127.0.0.1:PORT</c>.</summary>
    public string Address { get; private set; } = string.Empty;

    /// <summary>The node's remoting endpoint, <c>127.0.0.1:PORT</c>.</summary>
    public string Endpoint => Address[(Address.IndexOf('@', StringComparison.Ordinal) + 1)..];

    /// <summary>The remoting port.</summary>
    public int Port => int.Parse(Endpoint[(Endpoint.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The process id.</summary>
    public int Pid => _process.Id;

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The events printed so far.</summary>
    public IReadOnlyList<NodeEvent> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Starts a node and waits until it prints its address.</summary>
    /// <param name="arguments">Arguments after <c>node</c>, e.g. <c>--seeds self</c>.</param>
    /// <param name="timeout">How long to wait for the address.</param>
    public static async Task<ChildNode> StartAsync(IEnumerable<string> arguments, TimeSpan timeout)
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var dotnet = Path.Combine(dotnetRoot, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        var info = new ProcessStartInfo(File.Exists(dotnet) ? dotnet : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LithairAkka.Cluster.NodeHost.dll"));
        info.ArgumentList.Add("node");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var node = new ChildNode(Process.Start(info) ?? throw new InvalidOperationException("The node process did not start."));
        try
        {
            node.Address = await node._address.Task.WaitAsync(timeout).ConfigureAwait(false);
            return node;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            var output = node.Output();
            await node.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException("The node did not print its address in time. Its output:\n" + output, e);
        }
    }

    /// <summary>Waits for the first event (already printed or to come) that matches.</summary>
    public async Task<NodeEvent> AwaitEventAsync(Func<NodeEvent, bool> match, TimeSpan timeout)
    {
        var line = await AwaitLineAsync(l => NodeEvent.TryParse(l) is { } e && match(e), timeout).ConfigureAwait(false);
        return NodeEvent.TryParse(line)!;
    }

    /// <summary>Waits for the first output line (already printed or to come) that matches.</summary>
    public async Task<string> AwaitLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        TaskCompletionSource<string> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            var seen = _lines.FirstOrDefault(match);
            if (seen is not null)
            {
                return seen;
            }

            _waiters.Add((match, done));
        }

        try
        {
            return await done.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Node {Address} did not print the awaited line within {timeout}. Its output:\n{Output()}", e);
        }
    }

    /// <summary>Asks the node for its membership view and returns the <c>STATE</c> line.</summary>
    public async Task<string> QueryStateAsync(TimeSpan timeout)
    {
        var token = "STATE " + Guid.NewGuid().ToString("N") + " ";
        await SendAsync("state " + token[6..^1]).ConfigureAwait(false);
        return await AwaitLineAsync(l => l.StartsWith(token, StringComparison.Ordinal), timeout).ConfigureAwait(false);
    }

    /// <summary>Writes one command line to the node's stdin.</summary>
    public async Task SendAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>SIGKILL: the process dies at once, closing nothing.</summary>
    public void Kill() => _process.Kill();

    /// <summary>SIGSTOP: the process freezes (a long GC pause, a stalled VM).</summary>
    public void Pause() => Signal("STOP");

    /// <summary>SIGCONT: a paused process runs again.</summary>
    public void Resume() => Signal("CONT");

    /// <summary>Waits for the process to end; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout).ConfigureAwait(false);
        return _process.ExitCode;
    }

    /// <summary>Everything the node printed so far (stdout and stderr), for failure messages.</summary>
    public string Output()
    {
        lock (_lock)
        {
            var text = new StringBuilder();
            foreach (var line in _lines.TakeLast(80))
            {
                text.AppendLine(line);
            }

            return text.ToString();
        }
    }

    /// <summary>Closes stdin (the node leaves gracefully) and waits; kills it if it does not exit in 20 seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Resume();
            try
            {
                _process.StandardInput.Close();
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is TimeoutException or IOException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private void Signal(string signal)
    {
        if (_process.HasExited)
        {
            return;
        }

        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start");
        kill.WaitForExit();
    }

    private async Task PumpAsync()
    {
        var errors = Task.Run(async () =>
        {
            while (await _process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                Add("stderr: " + line);
            }
        });
        while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith("ADDRESS ", StringComparison.Ordinal))
            {
                _address.TrySetResult(line.Split(' ')[1]);
            }

            Add(line);
        }

        await errors.ConfigureAwait(false);
        _address.TrySetException(new InvalidOperationException("The node exited before printing its address."));
        Add("EXITED");
    }

    private void Add(string line)
    {
        List<TaskCompletionSource<string>> matched = [];
        lock (_lock)
        {
            _lines.Add(line);
            if (NodeEvent.TryParse(line) is { } e)
            {
                _events.Add(e);
            }

            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(line))
                {
                    matched.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var done in matched)
        {
            done.TrySetResult(line);
        }
    }
}
