using LithairAkka.Actors;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Snapshots;

namespace LithairAkka.Replication.Groups;

/// <summary>
/// The follower side of a <see cref="ReplicaGroup"/>, its child while the group does not lead: receives the snapshot
/// chunks the group routes to it, assembles them (<see cref="SnapshotAssembler"/>), answers each with a
/// <see cref="SnapshotChunkAck"/> so the leader's <see cref="SnapshotCoordinator"/> can pipeline and resume, drops a
/// partial snapshot that went silent for <c>snapshot-timeout</c>, and hands a complete one to the group as
/// <see cref="SnapshotAssembled"/>. Installing it is the group's job: the consensus core is only changed there.
/// Appends are stepped into the core by the group directly (an extra hop per append would buy nothing): the consensus
/// core must see each append to decide on it, and the group's pipelined Ready loop already persists, as one log-store
/// round and one fsync, every append that arrived while the previous round was being written, then answers with the
/// match index and applies what the leader committed (see <c>DrainAsync</c> in <c>ReplicaGroup.Ready.cs</c>).
/// </summary>
public sealed class FollowerReplica : ReceiveActor, IWithTimers
{
    private const string StaleTimer = "stale";
    private readonly GroupId _group;
    private readonly NodeId _self;
    private readonly TimeSpan _timeout;
    private readonly SnapshotAssembler _assembler = new();

    /// <summary>Creates the follower side of group <paramref name="group"/> on node <paramref name="self"/>.</summary>
    /// <param name="group">The group.</param>
    /// <param name="self">This node.</param>
    /// <param name="timeout">How long a partial snapshot is kept without a new chunk (<c>snapshot-timeout</c>).</param>
    public FollowerReplica(GroupId group, NodeId self, TimeSpan timeout)
    {
        _group = group;
        _self = self;
        _timeout = timeout;
        Receive<SnapshotChunk>(OnChunk);
        Receive<AssemblyStale>(_ => _assembler.Abandon());
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for the follower side.</summary>
    /// <param name="group">The group.</param>
    /// <param name="self">This node.</param>
    /// <param name="timeout">How long a partial snapshot is kept without a new chunk.</param>
    public static Props Props(GroupId group, NodeId self, TimeSpan timeout) =>
        Actors.Props.Create(() => new FollowerReplica(group, self, timeout));

    private void OnChunk(SnapshotChunk chunk)
    {
        var request = chunk.Request;
        if (request.Group != _group || request.To != _self)
        {
            return;
        }

        var outcome = _assembler.Accept(chunk, out var snapshot);
        Sender.Tell(new SnapshotChunkAck(_group, _self, request.Snapshot.Index, outcome.NextOffset), Self);
        if (outcome.Status == SnapshotChunkStatus.Complete)
        {
            Timers.Cancel(StaleTimer);
            Context.Parent.Tell(new SnapshotAssembled(request, snapshot!, Sender), Self);
        }
        else if (_assembler.IsAssembling)
        {
            Timers.StartSingleTimer(StaleTimer, AssemblyStale.Instance, _timeout);
        }
    }

    private sealed record AssemblyStale
    {
        public static AssemblyStale Instance { get; } = new();
    }
}
