using System.Diagnostics;

namespace LithairAkka.Remote.PingPongHost;

/// <summary>A <c>serve</c> child process of this same program; it stops when its stdin is closed (or is killed).</summary>
internal sealed class ChildHost : IAsyncDisposable
{
    private readonly Process _process;

    private ChildHost(Process process, string address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>The child's remoting address, <c>akka.tcp://pingpong@host:port</c>.</summary>
    public string Address { get; }

    /// <summary>Starts the child and waits for its address line.</summary>
    public static async Task<ChildHost> StartAsync(IEnumerable<string> serveArguments, TimeSpan timeout)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this process is unknown.");
        var info = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (string.Equals(Path.GetFileNameWithoutExtension(self), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            info.ArgumentList.Add(typeof(ChildHost).Assembly.Location);
        }

        info.ArgumentList.Add("serve");
        foreach (var argument in serveArguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("The child host did not start.");
        using var cts = new CancellationTokenSource(timeout);
        while (await process.StandardOutput.ReadLineAsync(cts.Token).ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith("ADDRESS ", StringComparison.Ordinal))
            {
                return new ChildHost(process, line["ADDRESS ".Length..]);
            }
        }

        process.Kill();
        throw new InvalidOperationException("The child host exited before printing its address.");
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
