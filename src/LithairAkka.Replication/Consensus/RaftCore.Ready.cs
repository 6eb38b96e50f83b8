namespace LithairAkka.Replication.Consensus;

/// <summary>The output side: Ready batches and their acknowledgement.</summary>
public sealed partial class RaftCore
{
    private HardState _lastHardState;
    private SoftState _lastSoftState;
    private Ready? _inFlight;

    /// <summary>
    /// Whether a <see cref="GetReady"/> call would return work. Always false while a Ready is being carried out (until
    /// <see cref="Advance"/>).
    /// </summary>
    public bool HasReady
    {
        get
        {
            if (_inFlight is not null)
            {
                return false;
            }

            CurrentRole.Flush();
            return _outbox.Count > 0
                || Log.HasUnpersisted
                || Log.HasCommittedToApply
                || CurrentHardState != _lastHardState
                || CurrentSoftState != _lastSoftState
                || _readsAwaitingApply.Exists(read => read.Index <= Log.ApplyingIndex);
        }
    }

    /// <summary>Takes the pending work as one batch; see <see cref="Ready"/> for how to carry it out.</summary>
    /// <returns>The batch (possibly empty); it must be passed to <see cref="Advance"/> before the next call.</returns>
    /// <exception cref="InvalidOperationException">The previous Ready was not advanced.</exception>
    public Ready GetReady()
    {
        if (_inFlight is not null)
        {
            throw new InvalidOperationException("The previous Ready must be advanced before taking another.");
        }

        CurrentRole.Flush();
        var hardState = CurrentHardState;
        var softState = CurrentSoftState;
        var snapshot = Log.TakePendingSnapshot();
        var entries = Log.TakeUnpersisted();
        var committed = Log.TakeCommittedToApply();
        var reads = TakeReadsUpTo(Log.ApplyingIndex);
        var messages = _outbox.ToArray();
        _outbox.Clear();
        CurrentRole.OnMessagesHandedOut();

        var ready = new Ready(
            softState != _lastSoftState ? softState : null,
            hardState != _lastHardState ? hardState : null,
            snapshot,
            entries,
            messages,
            committed,
            reads);
        _lastHardState = hardState;
        _lastSoftState = softState;
        _inFlight = ready;
        return ready;
    }

    /// <summary>
    /// Acknowledges that the host carried out <paramref name="ready"/>: its snapshot and entries are durable, its
    /// messages sent and its committed entries applied.
    /// </summary>
    /// <param name="ready">The batch last returned by <see cref="GetReady"/>.</param>
    /// <exception cref="ArgumentException">It is not the batch in flight.</exception>
    public void Advance(Ready ready)
    {
        if (!ReferenceEquals(ready, _inFlight))
        {
            throw new ArgumentException("Only the Ready last returned by GetReady can be advanced, once.", nameof(ready));
        }

        _inFlight = null;
        Log.AcknowledgePersisted(ready.Snapshot, ready.Entries);
        if (ready.CommittedEntries.Count > 0)
        {
            Log.AcknowledgeApplied(ready.CommittedEntries[^1].Index);
        }

        CurrentRole.OnAdvanced();
    }

    private ReadState[] TakeReadsUpTo(long applied)
    {
        if (_readsAwaitingApply.Count == 0)
        {
            return [];
        }

        var ready = _readsAwaitingApply.Where(read => read.Index <= applied).ToArray();
        _readsAwaitingApply.RemoveAll(read => read.Index <= applied);
        return ready;
    }
}
