using System.Collections.Concurrent;

namespace LithairAkka.Persistence.Tests.Support;

/// <summary>
/// Shared between a test and the <see cref="FaultyJournal"/> its actor system created (found by the journal's
/// <c>gate</c> key): holds writes or replays until released and records what the journal saw.
/// </summary>
public sealed class JournalGate
{
    private static readonly ConcurrentDictionary<string, JournalGate> Gates = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _writes = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _replays = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _activeReplays;
    private int _maxActiveReplays;
    private int _instances;

    private JournalGate(string id) => Id = id;

    public string Id { get; }

    /// <summary>Writes wait for <see cref="ReleaseWrites"/> when set before they start.</summary>
    public bool HoldWrites { get; set; }

    /// <summary>Replays wait for <see cref="ReleaseReplays"/> when set before they start.</summary>
    public bool HoldReplays { get; set; }

    /// <summary>The number of atomic writes of each write call, in call order.</summary>
    public ConcurrentQueue<int> WriteCalls { get; } = new();

    public int ActiveReplays => Volatile.Read(ref _activeReplays);

    public int MaxActiveReplays => Volatile.Read(ref _maxActiveReplays);

    /// <summary>How many journals were created with this gate.</summary>
    public int Instances => Volatile.Read(ref _instances);

    public static JournalGate Create()
    {
        var gate = new JournalGate(Guid.NewGuid().ToString("N"));
        Gates[gate.Id] = gate;
        return gate;
    }

    public static JournalGate? Find(string id) => id.Length > 0 && Gates.TryGetValue(id, out var gate) ? gate : null;

    public void ReleaseWrites() => _writes.TrySetResult();

    public void ReleaseReplays() => _replays.TrySetResult();

    internal void Created() => Interlocked.Increment(ref _instances);

    internal async Task BeforeWriteAsync(int atomicWrites)
    {
        WriteCalls.Enqueue(atomicWrites);
        if (HoldWrites)
        {
            await _writes.Task;
        }
    }

    internal async Task<IDisposable> BeginReplayAsync()
    {
        var active = Interlocked.Increment(ref _activeReplays);
        int max;
        while (active > (max = Volatile.Read(ref _maxActiveReplays)) && Interlocked.CompareExchange(ref _maxActiveReplays, active, max) != max)
        {
        }

        if (HoldReplays)
        {
            await _replays.Task;
        }

        return new Replay(this);
    }

    private sealed class Replay(JournalGate gate) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref gate._activeReplays);
    }
}
