using System.Text;
using LithairAkka.Actors;
using LithairAkka.Cmd.Protocol;
using LithairAkka.Cmd.Replication;
using LithairAkka.Cmd.Tests.Support;
using LithairAkka.Persistence.Log;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Groups;
using LithairAkka.Replication.Settings;
using LithairAkka.Replication.Snapshots;
using LithairAkka.Replication.StateMachines;
using LithairAkka.Replication.StateMachines.KeyValue;

namespace LithairAkka.Cmd.Tests.Replication;

/// <summary>The replication palette against a real single-voter ReplicaGroup in the same actor system.</summary>
public sealed class ReplicationCommandsTests(Xunit.Abstractions.ITestOutputHelper output) : CmdTestKit(output)
{
    private static readonly NodeId Self = new(1);
    private IActorRef _group = ActorRefs.Nobody;
    private readonly RecordingControl _control = new();

    public override async Task InitializeAsync()
    {
        var options = new ReplicaGroupOptions(
            Self,
            new GroupId(1),
            Configuration.OfVoters(Self),
            new InMemoryLogStore(),
            new InMemorySnapshotStore(),
            Props.Create(() => new KeyValueStateMachine()),
            new ReplicationSettings());
        _group = Sys.ActorOf(ReplicaGroup.Props(options), "group");
        Assert.True(Cmd.RegisterCommandPalette(new ReplicationCommands(_group, _control)));
        await base.InitializeAsync();
        await AwaitAssertAsync(async () => Assert.Equal("Leader", (await RecordAsync("replication", "status"))["role"]), Deadline);
    }

    [Fact]
    public async Task Status_SingleVoter_LeaderOfItsOwnGroup()
    {
        var status = await RecordAsync("replication", "status");

        Assert.Equal("1", status["node"]);
        Assert.Equal("1", status["group"]);
        Assert.Equal("1", status["leader"]);
        Assert.Equal("1", status["voters"]);
        Assert.True(long.Parse(status["term"], System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }

    [Fact]
    public async Task Status_AfterAWrite_CommitIndexCoversIt()
    {
        var written = await WriteAsync("k", "v");

        var status = await RecordAsync("replication", "status");

        Assert.True(long.Parse(status["commit-index"], System.Globalization.CultureInfo.InvariantCulture) >= written.Index);
    }

    [Fact]
    public async Task Followers_SingleVoterLeader_EmptyTableWithColumns()
    {
        var (completed, outputs) = await RunAsync("replication", "followers");

        Assert.Equal(CmdExitCodes.Success, completed.ExitCode);
        var table = Assert.Single(outputs);
        Assert.Equal(["node", "health", "match-index", "lag", "latency-ms", "failures"], table.Columns);
        Assert.Empty(table.Rows!);
    }

    [Fact]
    public async Task Snapshot_AfterWrites_ReportsAppliedIndexAndStateSize()
    {
        var written = await WriteAsync("key", "value");

        var snapshot = await RecordAsync("replication", "snapshot");

        Assert.True(long.Parse(snapshot["applied-index"], System.Globalization.CultureInfo.InvariantCulture) >= written.Index);
        Assert.True(long.Parse(snapshot["state-bytes"], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("0", snapshot["send-failures"]);
    }

    [Fact]
    public async Task ForceResync_ThroughControl_PassesAddressAndReportsSuccess()
    {
        var record = await RecordAsync("replication", "force-resync", "127.0.0.1:4054");

        Assert.Equal("127.0.0.1:4054", Assert.Single(_control.Resyncs));
        Assert.Equal(("127.0.0.1:4054", "true"), (record["target"], record["success"]));
    }

    [Fact]
    public async Task TransferLeadership_Refused_CommandFailedWithControlsMessage()
    {
        var (completed, _) = await RunAsync("replication", "transfer-leadership", "3");

        Assert.Equal(3, Assert.Single(_control.Transfers));
        Assert.Equal(CmdExitCodes.CommandFailed, completed.ExitCode);
        Assert.Equal("Node 3 is not a voter of the group.", completed.Error);
    }

    [Fact]
    public async Task TransferLeadership_NotANumber_UsageError()
    {
        var (completed, _) = await RunAsync("replication", "transfer-leadership", "three");

        Assert.Equal(CmdExitCodes.UsageError, completed.ExitCode);
        Assert.Empty(_control.Transfers);
    }

    [Fact]
    public async Task ForceResync_WithoutAddress_UsageError()
    {
        var (completed, _) = await RunAsync("replication", "force-resync");

        Assert.Equal(CmdExitCodes.UsageError, completed.ExitCode);
        Assert.StartsWith("Missing argument ADDRESS", completed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForceResync_NodeWithoutControl_FailsSayingItIsNotAvailable()
    {
        var palette = new ReplicationCommands(_group);
        var outputs = new RecordingOutput();
        var invocation = new LithairAkka.Cmd.Palettes.CommandInvocation(
            ReplicationCommands.Definition,
            ReplicationCommands.Definition.Find("force-resync")!,
            new Dictionary<string, string> { ["address"] = "x:1" });

        var e = await Assert.ThrowsAsync<LithairAkka.Cmd.Palettes.CommandFailedException>(() =>
            palette.ExecuteAsync(invocation, new LithairAkka.Cmd.Palettes.CommandContext(Sys, outputs, Deadline), CancellationToken.None));

        Assert.Contains("not available on this node", e.Message, StringComparison.Ordinal);
    }

    private async Task<ProposeSucceeded> WriteAsync(string key, string value)
    {
        var command = new KvPut(key, Encoding.UTF8.GetBytes(value));
        return await _group.Ask<ProposeSucceeded>(new Propose(command.Encode()), Deadline);
    }

    private sealed class RecordingControl : IReplicationControl
    {
        public List<string> Resyncs { get; } = [];

        public List<long> Transfers { get; } = [];

        public Task<ReplicationControlResult> ForceResyncAsync(string target, CancellationToken token)
        {
            Resyncs.Add(target);
            return Task.FromResult(new ReplicationControlResult(true, "Snapshot transfer started."));
        }

        public Task<ReplicationControlResult> TransferLeadershipAsync(long target, CancellationToken token)
        {
            Transfers.Add(target);
            return Task.FromResult(new ReplicationControlResult(false, $"Node {target} is not a voter of the group."));
        }
    }

    private sealed class RecordingOutput : LithairAkka.Cmd.Palettes.ICommandOutput
    {
        public ValueTask WriteAsync(LithairAkka.Cmd.Palettes.CommandOutput output, CancellationToken token) => ValueTask.CompletedTask;
    }
}
