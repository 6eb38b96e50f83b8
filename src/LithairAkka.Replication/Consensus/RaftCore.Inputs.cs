namespace LithairAkka.Replication.Consensus;

/// <summary>The host's requests: time, proposals, reads, transfers, snapshots.</summary>
public sealed partial class RaftCore
{
    /// <summary>Advances logical time by one tick: election timeouts, heartbeats, check-quorum, transfer timeout.</summary>
    public void Tick() => CurrentRole.Tick();

    /// <summary>
    /// On a follower, forgets the current leader (etcd's ForgetLeader): the node keeps its term and log but leaves the
    /// leader's lease, so it grants pre-votes and votes again. Meant for when the failure detector reports the leader
    /// unreachable; a live leader's next heartbeat restores it. Ignored in every other role.
    /// </summary>
    public void ForgetLeader()
    {
        if (CurrentRole is FollowerRole)
        {
            _leader = null;
        }
    }

    /// <summary>
    /// Starts an election now (with a pre-vote round when enabled), as when the failure detector reports the leader
    /// unreachable. Ignored on a leader, on a node that is not a voter and when <see cref="RaftOptions.CanCampaign"/> is off.
    /// </summary>
    public void Campaign() => StartCampaign(leadershipTransfer: false);

    /// <summary>
    /// Appends a client command to the log, on the leader only. Proposals made before the next <see cref="GetReady"/>
    /// travel together in the same append messages, so a host batches simply by proposing several before taking the
    /// Ready. The host bounds how many proposals it keeps outstanding (back-pressure); the core does not.
    /// </summary>
    /// <param name="payload">The command; opaque to the core. The buffer must not be reused afterwards.</param>
    /// <returns>Where it was appended, or why not. See <see cref="ProposeResult"/> for how to learn the outcome.</returns>
    public ProposeResult Propose(ReadOnlyMemory<byte> payload) =>
        CurrentRole is LeaderRole leader
            ? leader.Propose(payload)
            : new ProposeResult(RaftRequestStatus.NotLeader, 0, 0, _leader);

    /// <summary>
    /// Proposes a single-server membership change, on the leader only; it takes effect on each node as soon as the
    /// entry is appended there. One change at a time: the next is refused until this one is committed.
    /// </summary>
    /// <param name="change">The change.</param>
    /// <returns>Where it was appended, or why not.</returns>
    public ProposeResult ProposeConfigChange(ConfigChange change) =>
        CurrentRole is LeaderRole leader
            ? leader.ProposeConfigChange(change)
            : new ProposeResult(RaftRequestStatus.NotLeader, 0, 0, _leader);

    /// <summary>
    /// Starts a linearizable read. On the leader it waits for a quorum heartbeat round; on a follower it is forwarded to
    /// the leader. If all goes well a <see cref="ReadState"/> with <paramref name="requestId"/> comes in a later Ready;
    /// it may also never come (leader change, lost message), so the host keeps its own deadline.
    /// </summary>
    /// <param name="requestId">The host's id for the read, unique among its outstanding reads on this node.</param>
    /// <returns><see cref="RaftRequestStatus.Accepted"/>, <see cref="RaftRequestStatus.Forwarded"/>, or
    /// <see cref="RaftRequestStatus.NotLeader"/> when no leader is known.</returns>
    public RaftRequestStatus ReadIndex(long requestId)
    {
        if (CurrentRole is LeaderRole leader)
        {
            leader.HandleReadIndex(requestId, Id);
            return RaftRequestStatus.Accepted;
        }

        if (_leader is not { } known)
        {
            return RaftRequestStatus.NotLeader;
        }

        Send(new ReadIndexRequest(_term, Group, Id, known, requestId));
        return RaftRequestStatus.Forwarded;
    }

    /// <summary>
    /// Hands leadership to <paramref name="target"/>, on the leader only: proposals are refused while the target is
    /// brought up to date and told to campaign; the transfer is abandoned after an election timeout.
    /// </summary>
    /// <param name="target">A voter; this node itself cancels a running transfer.</param>
    /// <returns>Accepted, or why not.</returns>
    public RaftRequestStatus TransferLeadership(NodeId target) =>
        CurrentRole is LeaderRole leader ? leader.TransferLeadership(target) : RaftRequestStatus.NotLeader;

    /// <summary>
    /// Resyncs <paramref name="follower"/> from the latest snapshot (<c>force-resync</c>), on the leader only: the
    /// follower's progress moves to the snapshot state and an <see cref="InstallSnapshotRequest"/> is sent, whatever
    /// its match index. A follower that already has everything the snapshot holds keeps its log (Raft's rule); one that
    /// is behind or has diverged state below the snapshot is replaced by it.
    /// </summary>
    /// <param name="follower">A member other than this node.</param>
    /// <returns>Accepted; NotLeader; InvalidTarget when the node is not a peer or no snapshot exists yet.</returns>
    public RaftRequestStatus ForceSnapshot(NodeId follower) =>
        CurrentRole is LeaderRole leader ? leader.ForceSnapshot(follower) : RaftRequestStatus.NotLeader;

    /// <summary>The leader's host finished sending a snapshot to <paramref name="follower"/>.</summary>
    /// <param name="follower">The follower named in the <see cref="InstallSnapshotRequest"/>.</param>
    public void SnapshotInstalled(NodeId follower) => (CurrentRole as LeaderRole)?.ReportSnapshot(follower, installed: true);

    /// <summary>The leader's host gave up sending a snapshot to <paramref name="follower"/>; the core retries later.</summary>
    /// <param name="follower">The follower named in the <see cref="InstallSnapshotRequest"/>.</param>
    public void SnapshotFailed(NodeId follower) => (CurrentRole as LeaderRole)?.ReportSnapshot(follower, installed: false);

    /// <summary>
    /// Describes a snapshot the host is about to take of its state machine at <paramref name="index"/>: the term of that
    /// entry and the configuration in force there, to store beside the snapshot data.
    /// </summary>
    /// <param name="index">An applied index above <see cref="SnapshotIndex"/> (or <see cref="SnapshotIndex"/> itself,
    /// which returns the current snapshot's metadata). There is none while <see cref="AppliedIndex"/> is not above
    /// <see cref="SnapshotIndex"/>, as while a snapshot received from the leader is being installed.</param>
    /// <returns>The metadata to pass to <see cref="Compact"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is not applied, or already compacted.</exception>
    public SnapshotMetadata CreateSnapshotMetadata(long index)
    {
        if (index == Log.Snapshot.Index)
        {
            return Log.Snapshot;
        }

        if (index < Log.Snapshot.Index || index > Log.AppliedIndex)
        {
            throw new ArgumentOutOfRangeException(
                nameof(index),
                index,
                $"Must be the snapshot index {Log.Snapshot.Index} or an applied index in ({Log.Snapshot.Index}, {Log.AppliedIndex}].");
        }

        return new SnapshotMetadata(Log.TermAt(index)!.Value, index, Log.ConfigurationAt(index));
    }

    /// <summary>
    /// The host durably stored a snapshot described by <paramref name="snapshot"/> (from
    /// <see cref="CreateSnapshotMetadata"/>): the core drops the entries it covers and sends it to followers that need
    /// them. The host may then delete its persisted entries up to the snapshot's index.
    /// </summary>
    /// <param name="snapshot">The snapshot's metadata.</param>
    /// <exception cref="ArgumentException">The metadata does not describe an applied entry of this log.</exception>
    public void Compact(SnapshotMetadata snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Index > Log.Snapshot.Index && snapshot.Index <= Log.LastIndex
            && !snapshot.Configuration.Equals(Log.ConfigurationAt(snapshot.Index)))
        {
            throw new ArgumentException(
                $"Snapshot configuration {snapshot.Configuration} is not the one in force at {snapshot.Index}.", nameof(snapshot));
        }

        Log.Compact(snapshot);
    }
}
