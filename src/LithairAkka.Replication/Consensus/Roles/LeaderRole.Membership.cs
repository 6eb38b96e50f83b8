namespace LithairAkka.Replication.Consensus;

/// <summary>
/// Single-server membership changes (Raft thesis §4.1): one at a time, through the log, in force as soon as appended.
/// </summary>
internal sealed partial class LeaderRole
{
    public ProposeResult ProposeConfigChange(ConfigChange change)
    {
        if (TransferTarget is not null)
        {
            return new ProposeResult(RaftRequestStatus.LeadershipTransferInProgress, 0, 0, Core.Id);
        }

        // The previous change must be committed, and so must an entry of this term: a new leader may hold an
        // uncommitted change of an earlier term that a concurrent change would conflict with (Ongaro, raft-dev 2015).
        if (Log.LastConfigurationIndex > Log.CommitIndex || Log.TermAt(Log.CommitIndex) != Core.Term)
        {
            return new ProposeResult(RaftRequestStatus.ConfigChangeInProgress, 0, 0, Core.Id);
        }

        var current = Log.Configuration;
        if (!current.CanApply(change, out _))
        {
            return new ProposeResult(RaftRequestStatus.InvalidConfigChange, 0, 0, Core.Id);
        }

        var payload = new ConfigChangeEntry(change, current.Apply(change)).Encode();
        var entry = new LogEntry(Core.Term, Log.LastIndex + 1, EntryKind.ConfigChange, payload);
        Log.Append(entry);
        _tracker.Apply(Log.Configuration, Log.LastIndex);
        if (TransferTarget is { } target && !Log.Configuration.IsVoter(target))
        {
            TransferTarget = null;
        }

        // A removal shrinks the quorum: earlier entries may be committed by it already. (The change itself is not: it
        // is not durable here yet, so the leader cannot be stepping down now.)
        MaybeCommit();
        _broadcastPending = true;
        return new ProposeResult(RaftRequestStatus.Accepted, entry.Index, entry.Term, Core.Id);
    }

    /// <summary>
    /// A leader removed from the configuration keeps leading until the removal is committed, then steps down
    /// (thesis §4.2.2), handing over to an up-to-date voter so the group does not wait for an election timeout.
    /// </summary>
    private void StepDownIfRemoved()
    {
        if (Log.Configuration.IsVoter(Core.Id) || Log.CommitIndex < Log.LastConfigurationIndex)
        {
            return;
        }

        var successor = _tracker.Peers.FirstOrDefault(p => !p.IsLearner && p.Match == Log.LastIndex);
        if (successor is not null)
        {
            SendTimeoutNow(successor.Node);
        }

        Core.BecomeFollower(Core.Term, null);
    }
}
