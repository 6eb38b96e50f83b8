namespace LithairAkka.Actors.Dispatch;

/// <summary>
/// <c>type = PinnedDispatcher</c>: every actor gets a dedicated thread of its own, released when the actor stops.
/// For actors that block (synchronous I/O, native calls) so they do not starve the thread pool.
/// </summary>
public sealed class PinnedDispatcher : MessageDispatcher
{
    private readonly Dictionary<ActorCell, DedicatedThreadPool> _threads = [];
    private readonly Lock _lock = new();

    /// <summary>Creates the dispatcher from its settings.</summary>
    public PinnedDispatcher(DispatcherSettings settings)
        : base(settings)
    {
    }

    internal override DedicatedThreadPool? Attach(ActorCell cell)
    {
        var pool = new DedicatedThreadPool($"{Id}:{cell.Self.Path.ToStringWithoutAddress()}", 1);
        lock (_lock)
        {
            _threads[cell] = pool;
        }

        return pool;
    }

    internal override void Detach(ActorCell cell)
    {
        DedicatedThreadPool? pool;
        lock (_lock)
        {
            _threads.Remove(cell, out pool);
        }

        pool?.Stop();
    }

    internal override void Shutdown()
    {
        lock (_lock)
        {
            foreach (var pool in _threads.Values)
            {
                pool.Stop();
            }

            _threads.Clear();
        }
    }
}
