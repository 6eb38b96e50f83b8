namespace LithairAkka.Replication.Consensus;

/// <summary>
/// Linearizable reads without writing to the log (Raft thesis §6.4): record the commit index as the read index, confirm
/// leadership with a heartbeat round a majority acknowledges, then serve once the state machine reached the read index.
/// </summary>
internal sealed partial class LeaderRole
{
    private readonly ReadIndexQueue _reads = new();

    // Reads that arrived before this leader committed an entry of its term: its commit index may still be behind
    // the previous leader's, so it cannot give a read index yet (thesis §6.4 step 1).
    private readonly List<(long RequestId, NodeId Origin)> _readsBeforeFirstCommit = [];

    /// <summary>Registers a read asked here (<paramref name="origin"/> is this node) or forwarded by a follower.</summary>
    public void HandleReadIndex(long requestId, NodeId origin)
    {
        if (Log.TermAt(Log.CommitIndex) != Core.Term)
        {
            _readsBeforeFirstCommit.Add((requestId, origin));
            return;
        }

        if (_reads.Add(requestId, origin, Log.CommitIndex))
        {
            BroadcastHeartbeat();
        }

        // A single voter confirms its own leadership.
        ReleaseConfirmedReads();
    }

    private void ReleaseReadsAfterFirstCommit()
    {
        if (_readsBeforeFirstCommit.Count == 0 || Log.TermAt(Log.CommitIndex) != Core.Term)
        {
            return;
        }

        var waiting = _readsBeforeFirstCommit.ToArray();
        _readsBeforeFirstCommit.Clear();
        foreach (var (requestId, origin) in waiting)
        {
            HandleReadIndex(requestId, origin);
        }
    }

    private void ReleaseConfirmedReads()
    {
        foreach (var read in _reads.TakeConfirmed(_tracker.Configuration, Core.Id))
        {
            if (read.Origin == Core.Id)
            {
                Core.AwaitApply(new ReadState(read.RequestId, read.Index));
            }
            else
            {
                Core.Send(new ReadIndexResponse(Core.Term, Core.Group, Core.Id, read.Origin, read.RequestId, read.Index));
            }
        }
    }
}
