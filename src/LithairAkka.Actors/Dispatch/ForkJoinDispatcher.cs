namespace LithairAkka.Actors.Dispatch;

/// <summary>
/// <c>type = ForkJoinDispatcher</c>: the actors share a dedicated pool of
/// <c>dedicated-thread-pool.thread-count</c> threads with a FIFO run queue, isolated from the .NET thread pool.
/// </summary>
public sealed class ForkJoinDispatcher : MessageDispatcher
{
    private readonly DedicatedThreadPool _pool;

    /// <summary>Creates the dispatcher and starts its threads.</summary>
    public ForkJoinDispatcher(DispatcherSettings settings)
        : base(settings)
    {
        _pool = new DedicatedThreadPool(settings.Id, settings.ThreadCount);
    }

    internal override DedicatedThreadPool? Attach(ActorCell cell) => _pool;

    internal override void Shutdown() => _pool.Stop();
}
