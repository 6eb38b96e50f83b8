namespace LithairAkka.Replication.Consensus;

/// <summary>
/// A leader's bookkeeping for one member (etcd's <c>Progress</c>): how far its log is known to match
/// (<see cref="Match"/>), what to send next (<see cref="Next"/>), and the replication state machine Probe → Replicate,
/// with Snapshot while a snapshot transfer runs. Not thread-safe.
/// </summary>
internal sealed class FollowerProgress
{
    public FollowerProgress(NodeId node, long next, int maxInflight, bool isLearner)
    {
        Node = node;
        Next = next;
        IsLearner = isLearner;
        Inflights = new InflightWindow(maxInflight);
    }

    public NodeId Node { get; }

    /// <summary>The highest index known to be replicated on the member.</summary>
    public long Match { get; private set; }

    /// <summary>The next index to send.</summary>
    public long Next { get; private set; }

    public ProgressState State { get; private set; } = ProgressState.Probe;

    /// <summary>In Probe, whether a probe is outstanding: no other is sent until an answer or a heartbeat reply.</summary>
    public bool ProbeSent { get; set; }

    /// <summary>In Snapshot, the index of the snapshot being transferred.</summary>
    public long PendingSnapshot { get; private set; }

    /// <summary>Whether the member answered during the current check-quorum period.</summary>
    public bool RecentActive { get; set; }

    public bool IsLearner { get; set; }

    public InflightWindow Inflights { get; }

    /// <summary>Whether the leader must not send appends to the member now.</summary>
    public bool IsPaused => State switch
    {
        ProgressState.Probe => ProbeSent,
        ProgressState.Replicate => Inflights.IsFull,
        _ => true,
    };

    public void BecomeProbe()
    {
        // Coming out of a snapshot, the member holds at least the snapshot (if it was installed; if not, the probe's
        // rejection hint brings Next back down).
        var next = State == ProgressState.Snapshot ? Math.Max(Match + 1, PendingSnapshot + 1) : Match + 1;
        ResetState(ProgressState.Probe);
        Next = next;
    }

    /// <summary>The snapshot transfer failed: probe again from what is known to match.</summary>
    public void AbortSnapshot()
    {
        PendingSnapshot = 0;
        BecomeProbe();
    }

    public void BecomeReplicate()
    {
        ResetState(ProgressState.Replicate);
        Next = Match + 1;
    }

    public void BecomeSnapshot(long snapshotIndex)
    {
        ResetState(ProgressState.Snapshot);
        PendingSnapshot = snapshotIndex;
    }

    /// <summary>An acknowledgement up to <paramref name="index"/>; returns whether it taught anything new.</summary>
    public bool MaybeUpdate(long index)
    {
        var updated = false;
        if (Match < index)
        {
            Match = index;
            updated = true;
            ProbeSent = false;
        }

        Next = Math.Max(Next, index + 1);
        return updated;
    }

    /// <summary>The leader's own log was persisted up to <paramref name="index"/>.</summary>
    public void SetSelfMatch(long index)
    {
        Match = index;
        Next = index + 1;
    }

    /// <summary>Records the append just sent, ending at <paramref name="lastIndex"/> (or empty when 0 entries).</summary>
    public void SentEntries(int count, long lastIndex)
    {
        switch (State)
        {
            case ProgressState.Replicate when count > 0:
                Next = lastIndex + 1;
                Inflights.Add(lastIndex);
                break;
            case ProgressState.Probe:
                ProbeSent = true;
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// A refusal of the append whose previous index was <paramref name="rejected"/>; <paramref name="matchHint"/> is the
    /// highest index that may still match. Returns false for a stale refusal, which must be ignored.
    /// </summary>
    public bool MaybeDecreaseTo(long rejected, long matchHint)
    {
        if (State == ProgressState.Replicate)
        {
            // Pipelined appends: a refusal at or below Match answers an older message.
            if (rejected <= Match)
            {
                return false;
            }

            Next = Match + 1;
            return true;
        }

        // In Probe only one message is outstanding: a refusal of anything but Next - 1 is stale.
        if (Next - 1 != rejected)
        {
            return false;
        }

        Next = Math.Max(Math.Min(rejected, matchHint + 1), Match + 1);
        ProbeSent = false;
        return true;
    }

    public FollowerStatus ToStatus() =>
        new(Node, IsLearner, Match, Next, State, RecentActive, Inflights.Count);

    private void ResetState(ProgressState state)
    {
        ProbeSent = false;
        PendingSnapshot = 0;
        State = state;
        Inflights.Reset();
    }
}
