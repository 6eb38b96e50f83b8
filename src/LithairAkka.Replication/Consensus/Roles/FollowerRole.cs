namespace LithairAkka.Replication.Consensus;

/// <summary>
/// The follower: stores the leader's entries when its log matches (Raft §5.3), installs the leader's snapshots
/// (§7), campaigns when the election timeout passes without news from a leader, and starts an election at once when
/// the leader hands over leadership. Learners are followers that never campaign.
/// </summary>
internal sealed class FollowerRole : RaftRole
{
    public FollowerRole(RaftCore core)
        : base(core)
    {
    }

    public override NodeRole Kind => NodeRole.Follower;

    public override void Tick() => Core.TickElectionTimer();

    public override void Step(RaftMessage message)
    {
        switch (message)
        {
            case AppendEntriesRequest request:
                Core.HeardFromLeader(request.From);
                HandleAppend(request);
                break;
            case HeartbeatRequest heartbeat:
                Core.HeardFromLeader(heartbeat.From);
                HandleHeartbeat(heartbeat);
                break;
            case InstallSnapshotRequest snapshot:
                Core.HeardFromLeader(snapshot.From);
                HandleSnapshot(snapshot);
                break;
            case TimeoutNowRequest:
                // Thesis §3.10: the leader made sure this log is up to date; skip the pre-vote and the lease checks.
                Core.StartCampaign(leadershipTransfer: true);
                break;
            case ReadIndexResponse response when response.From == Core.Leader:
                Core.AwaitApply(new ReadState(response.RequestId, response.ReadIndex));
                break;
            default:
                // Answers meant for a leader or a candidate of this term, left over from an earlier role.
                break;
        }
    }

    private void HandleAppend(AppendEntriesRequest request)
    {
        if (request.PrevLogIndex < Log.CommitIndex)
        {
            // Everything up to the commit index matches the leader already (Leader Completeness); say so and let the
            // leader continue from there. Also covers a previous index compacted behind a snapshot.
            Reply(request.From, success: true, Log.CommitIndex);
            return;
        }

        var lastNew = Log.TryAppend(request.PrevLogIndex, request.PrevLogTerm, request.LeaderCommit, request.Entries);
        if (lastNew is { } matched)
        {
            Reply(request.From, success: true, matched);
            return;
        }

        // Fast backtracking: every index above the hint has a term greater than PrevLogTerm here, so it cannot match.
        var (hintIndex, hintTerm) = Log.FindConflictByTerm(Math.Min(request.PrevLogIndex, Log.LastIndex), request.PrevLogTerm);
        Core.Send(new AppendEntriesResponse(
            Core.Term, Core.Group, Core.Id, request.From, false, 0, request.PrevLogIndex, hintIndex, hintTerm));
    }

    private void HandleHeartbeat(HeartbeatRequest heartbeat)
    {
        // The leader caps the commit index at what it knows this log matches, so it is safe to apply as is.
        Log.CommitTo(heartbeat.Commit);
        Core.Send(new HeartbeatResponse(Core.Term, Core.Group, Core.Id, heartbeat.From, heartbeat.ReadRound));
    }

    private void HandleSnapshot(InstallSnapshotRequest request)
    {
        var snapshot = request.Snapshot;
        if (snapshot.Index <= Log.CommitIndex)
        {
            // Stale: this node already has (and may have applied) everything the snapshot holds.
            Reply(request.From, success: true, Log.CommitIndex);
            return;
        }

        if (Log.MatchTerm(snapshot.Index, snapshot.Term))
        {
            // The log already holds the snapshot's last entry, hence everything before it: commit, keep the suffix.
            Log.CommitTo(snapshot.Index);
            Reply(request.From, success: true, Log.CommitIndex);
            return;
        }

        Log.Restore(snapshot);
        Reply(request.From, success: true, Log.LastIndex);
    }

    private void Reply(NodeId leader, bool success, long matchIndex) =>
        Core.Send(new AppendEntriesResponse(Core.Term, Core.Group, Core.Id, leader, success, matchIndex, 0, 0, 0));
}
