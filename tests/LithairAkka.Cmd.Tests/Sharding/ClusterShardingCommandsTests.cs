using LithairAkka.Actors;
using LithairAkka.Cmd.Palettes;
using LithairAkka.Cmd.Protocol;
using LithairAkka.Cmd.Sharding;
using LithairAkka.Cmd.Tests.Support;

namespace LithairAkka.Cmd.Tests.Sharding;

public sealed class ClusterShardingCommandsTests(Xunit.Abstractions.ITestOutputHelper output) : CmdTestKit(output)
{
    [Theory]
    [InlineData("regions")]
    [InlineData("region-stats", "-r", "orders")]
    [InlineData("shard-stats", "-r", "orders")]
    [InlineData("rebalance", "--region", "orders")]
    public async Task Execute_WithoutSharding_FailsWithNotEnabled(params string[] command)
    {
        var (completed, outputs) = await RunAsync(["cluster-sharding", .. command]);

        Assert.Equal(CmdExitCodes.CommandFailed, completed.ExitCode);
        Assert.Equal("cluster sharding is not enabled on this node.", completed.Error);
        Assert.Empty(outputs);
    }

    [Fact]
    public async Task Execute_RegionStatsWithoutRegion_IsAUsageError()
    {
        var (completed, _) = await RunAsync("cluster-sharding", "region-stats");

        Assert.Equal(CmdExitCodes.UsageError, completed.ExitCode);
        Assert.Contains("region", completed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ShardingPaletteRegisteredFirst_ServesIt()
    {
        var system = ActorSystem.Create("sharded", Hocon.ConfigurationFactory.ParseString("petabridge.cmd { port = 0, log-palettes-on-startup = off }"));
        try
        {
            var cmd = PetabridgeCmd.Get(system);
            Assert.True(cmd.RegisterCommandPalette(new RealSharding()));
            var endPoint = await cmd.StartAsync();
            await using var client = await CmdClient.ConnectAsync("127.0.0.1", endPoint.Port, Deadline, CancellationToken.None);
            using var deadline = new CancellationTokenSource(Deadline);

            var completed = await client.ExecuteAsync(["cluster-sharding", "regions"], _ => ValueTask.CompletedTask, deadline.Token);

            Assert.Equal(CmdExitCodes.Success, completed.ExitCode);
            await cmd.StopAsync();
        }
        finally
        {
            await system.Terminate();
        }
    }

    // A palette of the same name as a sharding module would register.
    private sealed class RealSharding() : CommandPaletteHandler(ClusterShardingCommands.Definition)
    {
        public override Task ExecuteAsync(CommandInvocation invocation, CommandContext context, CancellationToken token) => Task.CompletedTask;
    }
}
