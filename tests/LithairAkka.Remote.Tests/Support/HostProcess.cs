using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LithairAkka.Remote.Tests.Support;

/// <summary>
/// A <c>LithairAkka.Remote.PingPongHost serve</c> child process (copied into the test output by the project
/// reference), run by the same dotnet host as the tests. Stopped by closing its stdin, or killed.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, string address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>The host's remoting address.</summary>
    public string Address { get; }

    public bool HasExited => _process.HasExited;

    public static async Task<HostProcess> StartAsync(string systemName, TimeSpan timeout)
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var dotnet = Path.Combine(dotnetRoot, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        var info = new ProcessStartInfo(File.Exists(dotnet) ? dotnet : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LithairAkka.Remote.PingPongHost.dll"));
        foreach (var argument in (string[])["serve", "--system", systemName, "--echoes", "2"])
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("The host process did not start.");
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
            {
                if (line.StartsWith("ADDRESS ", StringComparison.Ordinal))
                {
                    return new HostProcess(process, line["ADDRESS ".Length..]);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Reported below.
        }

        process.Kill(entireProcessTree: true);
        process.Dispose();
        throw new InvalidOperationException("The host process did not print its address in time.");
    }

    /// <summary>SIGKILL: the process dies without closing anything.</summary>
    public void Kill() => _process.Kill();

    public async Task WaitForExitAsync(TimeSpan timeout) => await _process.WaitForExitAsync().WaitAsync(timeout);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
