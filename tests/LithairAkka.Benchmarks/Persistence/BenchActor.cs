using LithairAkka.Persistence;

namespace LithairAkka.Benchmarks.Persistence;

/// <summary>
/// The persistent actor of the journal benchmarks: a string command is persisted with Persist, a string array with
/// PersistAll, an <see cref="AsyncEvent"/> with PersistAsync; <see cref="Finish"/> completes its task once every
/// handler before it ran (DeferAsync). Recovery counts the events and completes the task given to the constructor.
/// </summary>
internal sealed class BenchActor : ReceivePersistentActor
{
    private long _count;

    public BenchActor(string persistenceId, TaskCompletionSource<long>? recovered = null)
    {
        PersistenceId = persistenceId;
        Recover<string>(_ => _count++);
        Recover<RecoveryCompleted>(_ => recovered?.TrySetResult(_count));
        Command<string>(e => Persist(e, _ => _count++));
        Command<string[]>(events => PersistAll(events, _ => _count++));
        Command<AsyncEvent>(e => PersistAsync(e.Data, _ => _count++));
        Command<Finish>(f => DeferAsync(f, finish => finish.Completion.TrySetResult(_count)));
    }

    public override string PersistenceId { get; }

    /// <summary>Persisted with PersistAsync.</summary>
    public sealed record AsyncEvent(string Data);

    /// <summary>Completes <paramref name="Completion"/> after the handlers of everything sent before it.</summary>
    public sealed record Finish(TaskCompletionSource<long> Completion);
}
