namespace LithairAkka.Actors.Dispatch;

/// <summary>
/// Runs actors' mailboxes on threads. Each attached actor's mailbox is scheduled at most once at a time, processes
/// up to <see cref="Throughput"/> messages per turn and then yields. Obtain dispatchers from
/// <see cref="Dispatchers.Lookup"/>; thread-safe.
/// </summary>
public abstract class MessageDispatcher
{
    private protected MessageDispatcher(DispatcherSettings settings)
    {
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
    }

    /// <summary>The configuration path this dispatcher was created from.</summary>
    public string Id => Settings.Id;

    /// <summary>Messages one actor processes before yielding its thread.</summary>
    public int Throughput => Settings.Throughput;

    /// <summary>Time after which a turn ends even before <see cref="Throughput"/> messages, or null.</summary>
    public TimeSpan? ThroughputDeadlineTime => Settings.ThroughputDeadlineTime;

    /// <summary>The bound settings.</summary>
    public DispatcherSettings Settings { get; }

    /// <summary>Returns the dedicated threads the actor's mailbox runs on, or null for the .NET thread pool.</summary>
    internal abstract DedicatedThreadPool? Attach(ActorCell cell);

    /// <summary>Releases what <see cref="Attach"/> reserved; called from the actor's last turn.</summary>
    internal virtual void Detach(ActorCell cell)
    {
    }

    /// <summary>Releases the dispatcher's threads at system termination.</summary>
    internal virtual void Shutdown()
    {
    }
}
