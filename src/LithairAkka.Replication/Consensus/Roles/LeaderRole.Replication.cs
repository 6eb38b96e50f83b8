namespace LithairAkka.Replication.Consensus;

/// <summary>Log replication and the commit rule (Raft §5.3, §5.4.2).</summary>
internal sealed partial class LeaderRole
{
    /// <summary>
    /// Sends the next append (or the snapshot request when the next entry was compacted away) to one member, within
    /// flow control. Returns whether a message was sent.
    /// </summary>
    private bool SendAppend(FollowerProgress progress, bool sendIfEmpty)
    {
        if (progress.IsPaused)
        {
            return false;
        }

        var options = Core.Options;
        var prevIndex = progress.Next - 1;
        var prevTerm = Log.TermAt(prevIndex);
        if (prevTerm is null)
        {
            // The entries this member needs are behind the snapshot. Do not start a transfer towards a member that
            // seems down; its next heartbeat answer brings us back here.
            if (!progress.RecentActive)
            {
                return false;
            }

            var snapshot = Log.Snapshot;
            Core.Send(new InstallSnapshotRequest(Core.Term, Core.Group, Core.Id, progress.Node, snapshot));
            progress.BecomeSnapshot(snapshot.Index);
            return true;
        }

        var entries = Log.Slice(progress.Next, options.MaxEntriesPerMessage, options.MaxBytesPerMessage);
        if (entries.Count == 0 && !sendIfEmpty)
        {
            return false;
        }

        Core.Send(new AppendEntriesRequest(
            Core.Term, Core.Group, Core.Id, progress.Node, prevIndex, prevTerm.Value, entries, Log.CommitIndex));
        progress.SentEntries(entries.Count, entries.Count > 0 ? entries[^1].Index : prevIndex);
        return true;
    }

    private void HandleAppendResponse(AppendEntriesResponse response)
    {
        var progress = _tracker.Get(response.From);
        if (progress is null)
        {
            return;
        }

        progress.RecentActive = true;
        if (!response.Success)
        {
            var hint = response.HintIndex;
            if (response.HintTerm > 0)
            {
                // Skip, on our side too, every index whose term is above the follower's term at the hint.
                hint = Log.FindConflictByTerm(response.HintIndex, response.HintTerm).Index;
            }

            if (progress.MaybeDecreaseTo(response.RejectedIndex, hint))
            {
                if (progress.State == ProgressState.Replicate)
                {
                    progress.BecomeProbe();
                }

                SendAppend(progress, sendIfEmpty: true);
            }

            return;
        }

        var wasPaused = progress.IsPaused;
        if (!progress.MaybeUpdate(response.MatchIndex))
        {
            return;
        }

        switch (progress.State)
        {
            case ProgressState.Probe:
                progress.BecomeReplicate();
                break;
            case ProgressState.Snapshot when progress.Match + 1 >= Log.FirstIndex:
                progress.BecomeProbe();
                progress.BecomeReplicate();
                break;
            case ProgressState.Replicate:
                progress.Inflights.FreeUpTo(response.MatchIndex);
                break;
            default:
                break;
        }

        if (MaybeCommit())
        {
            if (!IsCurrent)
            {
                return;
            }

            _broadcastPending = true;
        }
        else if (wasPaused)
        {
            SendAppend(progress, sendIfEmpty: true);
        }

        while (SendAppend(progress, sendIfEmpty: false))
        {
        }

        if (response.From == TransferTarget && progress.Match == Log.LastIndex)
        {
            SendTimeoutNow(response.From);
        }
    }

    private void HandleHeartbeatResponse(HeartbeatResponse response)
    {
        var progress = _tracker.Get(response.From);
        if (progress is null)
        {
            return;
        }

        progress.RecentActive = true;
        progress.ProbeSent = false;
        if (progress.State == ProgressState.Replicate && progress.Inflights.IsFull)
        {
            // Answers may have been lost: free one slot so replication cannot stall for good.
            progress.Inflights.FreeFirst();
        }

        if (progress.Match < Log.LastIndex)
        {
            SendAppend(progress, sendIfEmpty: true);
        }

        if (progress.IsLearner)
        {
            return;
        }

        _reads.Acknowledge(response.From, response.ReadRound);
        ReleaseConfirmedReads();
    }

    /// <summary>
    /// Advances the commit index to the highest index a majority of voters stores, but only when that entry is of the
    /// current term: an earlier term's entry stored by a majority can still be overwritten (Raft §5.4.2, Figure 8). It
    /// becomes committed indirectly, with the first entry of this term.
    /// </summary>
    private bool MaybeCommit()
    {
        var index = _tracker.QuorumMatchIndex();
        if (index <= Log.CommitIndex)
        {
            return false;
        }

        if (Log.TermAt(index) != Core.Term && !Core.Options.UnsafeCommitOldTermEntries)
        {
            return false;
        }

        Log.CommitTo(index);
        OnCommitted();
        return true;
    }

    private void OnCommitted()
    {
        ReleaseReadsAfterFirstCommit();
        StepDownIfRemoved();
    }
}
