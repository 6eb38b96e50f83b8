using System.Diagnostics;
using System.Text.Json;
using LithairAkka.Cmd.Protocol;
using LithairAkka.Cmd.Tests.Support;

namespace LithairAkka.Cmd.Tests.Client;

/// <summary>The built <c>pbm</c> client run as a process (<c>dotnet LithairAkka.Cmd.Client.dll</c>) against an in-process host.</summary>
public sealed class PbmProcessTests(Xunit.Abstractions.ITestOutputHelper output) : CmdTestKit(output)
{
    private static readonly string ClientDll = Path.Combine(AppContext.BaseDirectory, "LithairAkka.Cmd.Client.dll");

    private string Target => $"127.0.0.1:{EndPoint.Port}";

    [Fact]
    public async Task Run_NodeInfo_ExitsZeroAndPrintsRecord()
    {
        var (exitCode, stdout, stderr) = await PbmAsync(Target, "node", "info");

        Assert.Equal(CmdExitCodes.Success, exitCode);
        Assert.Contains($"node:", stdout, StringComparison.Ordinal);
        Assert.Contains(Sys.Name, stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr);
    }

    [Fact]
    public async Task Run_SwitchesAfterCommand_ReachTheHostInOrder()
    {
        var (exitCode, stdout, _) = await PbmAsync(Target, "actor", "hierarchy", "-s", "/system", "-d", "1");

        Assert.Equal(CmdExitCodes.Success, exitCode);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(("path", "/system"), (lines[0], lines[2]));
        Assert.Matches("^-+$", lines[1]);
        Assert.Contains("/system/petabridge-cmd", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("/system/petabridge-cmd/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_Json_PrintsOneParsableDocument()
    {
        var (exitCode, stdout, _) = await PbmAsync("--json", Target, "actor", "system");

        Assert.Equal(CmdExitCodes.Success, exitCode);
        using var document = JsonDocument.Parse(stdout.Trim());
        Assert.Equal(Sys.Name, document.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Run_UnknownCommand_ExitsTwoWithOneLine()
    {
        var (exitCode, stdout, stderr) = await PbmAsync(Target, "frobnicate");

        Assert.Equal(CmdExitCodes.UsageError, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("pbm: Unknown command 'frobnicate'; run 'help' to list commands.", stderr.Trim());
    }

    [Fact]
    public async Task Run_BadArgument_ExitsTwoWithOneLine()
    {
        var (exitCode, _, stderr) = await PbmAsync(Target, "log", "level", "LOUD");

        Assert.Equal(CmdExitCodes.UsageError, exitCode);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith("pbm: Bad value 'LOUD'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NodeUnreachable_ExitsThreeWithOneLine()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var closedPort = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var (exitCode, _, stderr) = await PbmAsync($"127.0.0.1:{closedPort}", "node", "info");

        Assert.Equal(CmdExitCodes.Unreachable, exitCode);
        Assert.StartsWith($"pbm: cannot reach 127.0.0.1:{closedPort}:", stderr.Trim(), StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Run_ClusterShardingWithoutSharding_ExitsOneNotEnabled()
    {
        var (exitCode, stdout, stderr) = await PbmAsync(Target, "cluster-sharding", "region-stats", "-r", "orders");

        Assert.Equal(CmdExitCodes.CommandFailed, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("pbm: cluster sharding is not enabled on this node.", stderr.Trim());
    }

    [Fact]
    public async Task Run_JsonFailure_PrintsAnErrorDocument()
    {
        var (exitCode, stdout, stderr) = await PbmAsync("--json", Target, "cluster-sharding", "regions");

        Assert.Equal(CmdExitCodes.CommandFailed, exitCode);
        using var document = JsonDocument.Parse(stdout.Trim());
        Assert.Equal("cluster sharding is not enabled on this node.", document.RootElement.GetProperty("error").GetString());
        Assert.Equal(CmdExitCodes.CommandFailed, document.RootElement.GetProperty("exit-code").GetInt32());
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Run_MalformedEndpoint_ExitsTwo()
    {
        var (exitCode, _, stderr) = await PbmAsync("127.0.0.1:notaport", "node", "info");

        Assert.Equal(CmdExitCodes.UsageError, exitCode);
        Assert.Contains("is not a host:port endpoint", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompt_PipedCommands_RunsEachUntilExit()
    {
        var (exitCode, stdout, stderr) = await PbmAsync([Target], "log level\nfrobnicate\nhelp node\nexit\n");

        Assert.Equal(CmdExitCodes.Success, exitCode);
        Assert.Contains("level: INFO", stdout, StringComparison.Ordinal);
        Assert.Contains("node info", stdout, StringComparison.Ordinal);
        Assert.Contains("Unknown command 'frobnicate'", stderr, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> PbmAsync(params string[] args) => PbmAsync(args, null);

    private static async Task<(int ExitCode, string Stdout, string Stderr)> PbmAsync(string[] args, string? stdin)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ClientDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
