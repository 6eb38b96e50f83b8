using LithairAkka.Actors;
using LithairAkka.Hocon;
using LithairAkka.Persistence.Journal;

namespace LithairAkka.Persistence.Tests.Support;

/// <summary>
/// The in-memory journal with faults from its config section: <c>fail-on</c> (a write call with a string payload
/// starting with it throws), <c>reject-on</c> (such an atomic write is rejected), <c>fail-replay-of</c> (recoveries of
/// persistence ids starting with it fail), <c>write-batch-size</c>, and <c>gate</c> (a <see cref="JournalGate"/> id).
/// </summary>
public sealed class FaultyJournal : MemoryJournal
{
    private readonly string _failOn;
    private readonly string _rejectOn;
    private readonly string _failReplayOf;
    private readonly int _batchSize;
    private readonly JournalGate? _gate;

    public FaultyJournal(Config config, ActorSystem system)
        : base(config, system)
    {
        _failOn = config.GetString("fail-on", string.Empty);
        _rejectOn = config.GetString("reject-on", string.Empty);
        _failReplayOf = config.GetString("fail-replay-of", string.Empty);
        _batchSize = config.GetInt("write-batch-size", 100);
        _gate = JournalGate.Find(config.GetString("gate", string.Empty));
        _gate?.Created();
    }

    public override int WriteBatchSize => _batchSize;

    public override async ValueTask<IReadOnlyList<Exception?>?> WriteMessagesAsync(IReadOnlyList<AtomicWrite> messages, CancellationToken token)
    {
        if (_gate is not null)
        {
            await _gate.BeforeWriteAsync(messages.Count);
        }

        if (_failOn.Length > 0 && messages.Any(w => w.Payload.Any(p => p.Payload is string s && s.StartsWith(_failOn, StringComparison.Ordinal))))
        {
            throw new IOException("simulated journal failure");
        }

        var results = await base.WriteMessagesAsync(
            _rejectOn.Length == 0 ? messages : [.. messages.Where(w => !IsRejected(w))],
            token);
        if (_rejectOn.Length == 0 || !messages.Any(IsRejected))
        {
            return results;
        }

        var merged = new Exception?[messages.Count];
        var j = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            merged[i] = IsRejected(messages[i]) ? new InvalidOperationException("simulated rejection") : results?[j++];
        }

        return merged;
    }

    /// <summary>Every recovery starts here (also when nothing is stored): the gate and the replay faults apply.</summary>
    public override async ValueTask<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken token)
    {
        using var replay = _gate is null ? null : await _gate.BeginReplayAsync();
        if (_failReplayOf.Length > 0 && persistenceId.StartsWith(_failReplayOf, StringComparison.Ordinal))
        {
            throw new IOException("simulated replay failure");
        }

        return await base.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, token);
    }

    private bool IsRejected(AtomicWrite write) =>
        write.Payload.Any(p => p.Payload is string s && s.StartsWith(_rejectOn, StringComparison.Ordinal));
}
