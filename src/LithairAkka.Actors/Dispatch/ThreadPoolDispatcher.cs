namespace LithairAkka.Actors.Dispatch;

/// <summary>
/// The default dispatcher (<c>type = Dispatcher</c>): mailboxes run on the .NET thread pool through
/// <see cref="ThreadPool.UnsafeQueueUserWorkItem(IThreadPoolWorkItem, bool)"/>, allocation-free.
/// </summary>
public sealed class ThreadPoolDispatcher : MessageDispatcher
{
    /// <summary>Creates the dispatcher from its settings.</summary>
    public ThreadPoolDispatcher(DispatcherSettings settings)
        : base(settings)
    {
    }

    internal override DedicatedThreadPool? Attach(ActorCell cell) => null;
}
