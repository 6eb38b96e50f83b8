using LithairAkka.Cluster;
using LithairAkka.Cmd.Membership;
using LithairAkka.Cmd.Protocol;
using LithairAkka.Cmd.Tests.Support;

namespace LithairAkka.Cmd.Tests.Membership;

/// <summary>The <c>cluster</c> palette over a real clustered actor system (port 0), through a connected client.</summary>
public sealed class ClusterCommandsTests(Xunit.Abstractions.ITestOutputHelper output) : CmdTestKit(output, ClusterConfig)
{
    private const string ClusterConfig = """
        akka.actor.provider = cluster
        akka.loglevel = WARNING
        akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
        akka.cluster {
          roles = ["replica", "node-id-1"]
          app-version = "1.2.3"
          periodic-tasks-initial-delay = 100ms
          gossip-interval = 200ms
          leader-actions-interval = 200ms
        }
        """;

    private ReachabilityObserver _membership = null!;

    private LithairAkka.Cluster.Cluster Cluster => _membership.Cluster;

    public override async Task InitializeAsync()
    {
        _membership = new ReachabilityObserver(Sys);
        Assert.True(Cmd.RegisterCommandPalette(new ClusterCommands(_membership)));
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        _membership.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Join_SelfAddress_PrintsJoiningAndBecomesUp()
    {
        var (completed, outputs) = await RunAsync("cluster", "join", $"{Cluster.SelfAddress.Host}:{Cluster.SelfAddress.Port}");
        await AwaitUpAsync();

        Assert.Equal(CmdExitCodes.Success, completed.ExitCode);
        Assert.Equal($"Joining {Cluster.SelfAddress}", Assert.Single(outputs).Text);
    }

    [Fact]
    public async Task Show_SingleNodeCluster_OneLinePerMemberThenCount()
    {
        await JoinSelfAsync();

        var (completed, outputs) = await RunAsync("cluster", "show");

        Assert.Equal(CmdExitCodes.Success, completed.ExitCode);
        Assert.Equal(
            [$"{Cluster.SelfAddress} | [node-id-1,replica] | up | reachable | 1.2.3", "Count: 1 nodes"],
            outputs.Select(o => o.Text));
        Assert.Equal("up", outputs[0].Fields!.Single(f => f.Name == "status").Value);
        Assert.Equal("1", outputs[1].Fields!.Single(f => f.Name == "count").Value);
    }

    [Fact]
    public async Task Leader_SingleNodeCluster_PrintsSelf()
    {
        await JoinSelfAsync();

        var (_, outputs) = await RunAsync("cluster", "leader");

        Assert.Equal(Cluster.SelfAddress.ToString(), Assert.Single(outputs).Text);
    }

    [Fact]
    public async Task Leader_NotJoined_SaysThereIsNone()
    {
        var (completed, outputs) = await RunAsync("cluster", "leader");

        Assert.Equal(CmdExitCodes.Success, completed.ExitCode);
        Assert.StartsWith("No leader", Assert.Single(outputs).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unreachable")]
    [InlineData("down-unreachable")]
    public async Task Unreachable_AllReachable_CountZero(string command)
    {
        await JoinSelfAsync();

        var (completed, outputs) = await RunAsync("cluster", command);

        Assert.Equal(CmdExitCodes.Success, completed.ExitCode);
        Assert.Equal("Count: 0 nodes", Assert.Single(outputs).Text);
        Assert.Equal(MemberStatus.Up, Cluster.SelfMember.Status);
    }

    [Theory]
    [InlineData("leave")]
    [InlineData("down")]
    public async Task MemberOperation_NotAMember_FailsAndChangesNothing(string command)
    {
        await JoinSelfAsync();

        var (completed, _) = await RunAsync("cluster", command, "127.0.0.1:1");

        Assert.Equal(CmdExitCodes.CommandFailed, completed.ExitCode);
        Assert.Contains("not a member", completed.Error, StringComparison.Ordinal);
        Assert.Equal(MemberStatus.Up, Cluster.SelfMember.Status);
    }

    [Fact]
    public async Task Join_MalformedAddress_Fails()
    {
        var (completed, _) = await RunAsync("cluster", "join", "nowhere");

        Assert.Equal(CmdExitCodes.CommandFailed, completed.ExitCode);
        Assert.Contains("not a member address", completed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tail_Joining_StreamsMemberUpUntilCancelled()
    {
        var sawUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancel = new CancellationTokenSource();
        var run = Client.ExecuteAsync(["cluster", "tail"], o =>
        {
            if (o.Fields?.Any(f => f.Name == "event" && f.Value == "MemberUp") == true)
            {
                sawUp.TrySetResult();
            }

            return ValueTask.CompletedTask;
        }, cancel.Token);

        Cluster.Join(Cluster.SelfAddress);
        await sawUp.Task.WaitAsync(Deadline);
        await cancel.CancelAsync();
        var completed = await run.WaitAsync(Deadline);

        Assert.Equal(CmdExitCodes.Cancelled, completed.ExitCode);
    }

    private async Task JoinSelfAsync()
    {
        Cluster.Join(Cluster.SelfAddress);
        await AwaitUpAsync();
    }

    private Task AwaitUpAsync()
    {
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Cluster.RegisterOnMemberUp(up.SetResult);
        return up.Task.WaitAsync(Deadline);
    }
}
