using LithairAkka.Persistence.Log;
using Microsoft.Extensions.Logging;

namespace LithairAkka.Persistence.Sql.Log;

/// <content>
/// The single writer: group commit. It takes every operation queued since its last round, validates each against the
/// durable state plus the operations before it in the round, commits the accepted ones in one transaction, then applies
/// them to the in-memory index and completes the callers. A failed commit faults the store: nothing after it is
/// acknowledged until the store is reopened and recovered from what the database really holds.
/// </content>
public sealed partial class SqlLogStore
{
    private readonly Dictionary<long, PendingGroup> _pending = [];
    private readonly HashSet<long> _rowsDue = [];
    private readonly List<WriteRequest> _round = [];

    private async Task WriterLoopAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            BuildRound();
            if (_round.Count == 0)
            {
                continue;
            }

            try
            {
                await _tables.CommitRoundAsync(_round, GroupRows(), CancellationToken.None).ConfigureAwait(false);
                ApplyRound();
            }
#pragma warning disable CA1031 // Any failure of the database faults the store; the callers get it, the loop drains.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Fault(ex);
            }
        }
    }

    private void BuildRound()
    {
        _round.Clear();
        _pending.Clear();
        _rowsDue.Clear();
        while (_round.Count < _options.MaxRoundOperations && _queue.Reader.TryRead(out var request))
        {
            if (Volatile.Read(ref _fault) is { } fault)
            {
                request.Fail(new LogStoreFaultedException("The log store has faulted and must be reopened.", fault));
                continue;
            }

            if (request.Token.IsCancellationRequested)
            {
                request.Cancel();
                continue;
            }

            try
            {
                Stage(request);
                _round.Add(request);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                request.Fail(ex);
            }
        }
    }

    private void Stage(WriteRequest request)
    {
        var id = request.GroupId;
        if (!_pending.TryGetValue(id, out var pending))
        {
            pending = new PendingGroup();
            pending.Reset(_groups.GetValueOrDefault(id));
            _pending[id] = pending;
        }

        request.Accepted = pending.Stage(request, _options.MaxEntryPayloadBytes);

        // Compactions and hard states live in the group row.
        if (request.Accepted && request.Type is RecordType.Compact or RecordType.HardState)
        {
            _rowsDue.Add(id);
        }

        // A group becomes known with its first successful operation; its row keeps it known after a restart even
        // when a later truncation leaves it without entries.
        if (request.Accepted && !_groups.ContainsKey(id))
        {
            _rowsDue.Add(id);
        }
    }

    private List<LogGroupRow> GroupRows()
    {
        var rows = new List<LogGroupRow>(_rowsDue.Count);
        foreach (var id in _rowsDue)
        {
            var bounds = _pending[id].Bounds;
            rows.Add(new LogGroupRow(id, bounds.HardState, bounds.CompactedIndex, bounds.CompactedTerm));
        }

        return rows;
    }

    private void ApplyRound()
    {
        foreach (var request in _round)
        {
            if (request.Accepted)
            {
                var group = _groups.GetOrAdd(request.GroupId, static id => new GroupLog(id));
                lock (group)
                {
                    Apply(group, request);
                }
            }

            request.Complete();
        }
    }

    private static void Apply(GroupLog group, WriteRequest request)
    {
        switch (request.Type)
        {
            case RecordType.Entry:
                foreach (ref readonly var entry in request.Entries.Span)
                {
                    if (!group.TryAppend(entry.Index, new EntryLocation(entry.Term, 0, 0, 0), recovering: false))
                    {
                        throw new InvalidOperationException($"Group {group.GroupId}: validated entry {entry.Index} does not follow the index.");
                    }
                }

                break;
            case RecordType.Truncate:
                group.TruncateFrom(request.Index);
                break;
            case RecordType.Compact:
                group.CompactTo(request.Index, request.Term, request.KeepSuffix);
                break;
            default:
                group.Bounds.HardState = request.State;
                break;
        }
    }

    private void Fault(Exception error)
    {
        _options.Logger.LogCritical(error, "Log store {Location} faulted: a commit failed; reopen the store to recover.", _tables.Location);
        Interlocked.CompareExchange(ref _fault, error, null);
        var faulted = new LogStoreFaultedException("The log store has faulted and must be reopened: " + error.Message, error);
        foreach (var request in _round)
        {
            request.Fail(faulted);
        }
    }
}
