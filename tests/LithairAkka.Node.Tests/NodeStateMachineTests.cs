using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LithairAkka.Examples.Ledger;

namespace LithairAkka.Node.Tests;

/// <summary>The node running a custom state machine named by <c>lithair.replication.state-machine</c>.</summary>
[Collection(nameof(NodeProgramTests))]
public sealed class NodeStateMachineTests : IDisposable
{
    private const string LedgerType = "LithairAkka.Examples.Ledger.LedgerStateMachine, LithairAkka.Examples.Ledger";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lithair-node-sm-" + Guid.NewGuid().ToString("N"));

    public NodeStateMachineTests() => Directory.CreateDirectory(_directory);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A killed node may still be releasing files; the temp directory is reclaimed later.
        }
    }

    private async Task<string> ConfigAsync(params string[] lines)
    {
        var config = Path.Combine(_directory, "node.conf");
        var include = "include \"" + Path.Combine(AppContext.BaseDirectory, "hocon", "node.conf") + "\"\n";
        await File.WriteAllTextAsync(config, include + string.Join('\n', lines) + "\n");
        return config;
    }

    private static async Task<LedgerResult> CommandAsync(NodeProcess node, LedgerCommand command)
    {
        using var response = await node.Data.PostAsync("/commands", new ByteArrayContent(command.Encode()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(long.Parse(response.Headers.GetValues("X-Index").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.True(response.Headers.Contains("X-Term"));
        return LedgerResult.Decode(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Start_LedgerStateMachine_ServesCommandsAndQueries()
    {
        var config = await ConfigAsync($"lithair.replication.state-machine = \"{LedgerType}\"");
        await using var node = NodeProcess.Start(_directory, NodeProcess.FreePorts(), "--config", config, "--data", Path.Combine(_directory, "data"));
        await node.AwaitReadyAsync();

        Assert.Equal(new LedgerApplied(0), await CommandAsync(node, new OpenAccount("alice")));
        Assert.Equal(new LedgerApplied(0), await CommandAsync(node, new OpenAccount("bob")));
        Assert.Equal(new LedgerApplied(100), await CommandAsync(node, new Deposit("alice", 100)));
        Assert.Equal(new LedgerRejected(LedgerRejection.InsufficientFunds), await CommandAsync(node, new Withdraw("alice", 150)));
        Assert.Equal(new LedgerApplied(75), await CommandAsync(node, new Transfer("alice", "bob", 25)));

        using var balance = await node.Data.PostAsync("/queries?consistency=linearizable", new ByteArrayContent(new BalanceQuery("bob").Encode()));
        using var bad = await node.Data.PostAsync("/queries", new ByteArrayContent([42]));
        using var kv = await node.Data.GetAsync("/kv/anything");

        Assert.Equal(HttpStatusCode.OK, balance.StatusCode);
        Assert.Equal(new AccountBalance("bob", true, 25), AccountBalance.Decode(await balance.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("query-rejected", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.NotImplemented, kv.StatusCode);
        Assert.Equal("state-machine-not-kv", (await kv.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("lithair.replication.state-machine = \"Nowhere.Machine, Nowhere\"", "Nowhere")]
    [InlineData("lithair.replication.state-machine = \"LithairAkka.Examples.Ledger.Missing, LithairAkka.Examples.Ledger\"", "no type")]
    [InlineData("lithair.replication.state-machine = \"LithairAkka.Examples.Ledger.Deposit, LithairAkka.Examples.Ledger\"", "does not derive")]
    [InlineData("lithair.replication.state-machine = NoAssembly", "Namespace.Type, Assembly")]
    [InlineData("lithair.replication.state-machine-assemblies = [\"/nonexistent/plugin.dll\"]\nlithair.replication.state-machine = \"P.M, plugin\"", "state-machine-assemblies")]
    public async Task Start_BadStateMachine_ExitsWith2AndOneLineNamingTheKey(string lines, string named)
    {
        var config = await ConfigAsync(lines);

        await using var node = NodeProcess.Start(_directory, NodeProcess.FreePorts(), "--config", config, "--data", Path.Combine(_directory, "data"));
        var code = await node.WaitForExitAsync();

        Assert.Equal(2, code);
        var line = Assert.Single(node.StandardError);
        Assert.Contains("lithair.replication.state-machine", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
    }
}
