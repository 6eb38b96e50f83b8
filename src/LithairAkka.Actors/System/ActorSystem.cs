using LithairAkka.Actors.Dispatch;
using LithairAkka.Actors.Event;
using LithairAkka.Hocon;
using Microsoft.Extensions.Logging;

namespace LithairAkka.Actors;

/// <summary>
/// A hierarchy of actors sharing configuration, dispatchers, scheduler, event stream and extensions. Create one per
/// process (or per test) with <see cref="Create"/>; stop it with <see cref="Terminate"/>. Thread-safe.
/// </summary>
public abstract class ActorSystem : IActorRefFactory, IDisposable
{
    /// <summary>
    /// Creates and starts an actor system. <paramref name="config"/> is layered over the embedded reference.conf.
    /// </summary>
    /// <param name="name">The system name: letters, digits, '-' and '_', starting with a letter or digit.</param>
    /// <param name="config">Configuration, or null for the defaults.</param>
    /// <param name="setup">Programmatic setup (time provider, logger factory, providers), or null.</param>
    /// <exception cref="ArgumentException">When the name is invalid.</exception>
    /// <exception cref="ConfigurationException">When the configuration is invalid.</exception>
    public static ActorSystem Create(string name, Config? config = null, ActorSystemSetup? setup = null)
    {
        var system = new ActorSystemImpl(name, config ?? Config.Empty, setup ?? ActorSystemSetup.Empty);
        system.Start();
        return system;
    }

    /// <summary>The embedded reference configuration of this layer.</summary>
    public static Config ReferenceConfig => ActorSystemImpl.Reference;

    /// <summary>The system name.</summary>
    public abstract string Name { get; }

    /// <summary>The bound settings (and the full configuration).</summary>
    public abstract ActorSystemSettings Settings { get; }

    /// <summary>The programmatic setup.</summary>
    public abstract ActorSystemSetup Setup { get; }

    /// <summary>The publish-subscribe bus.</summary>
    public abstract EventStream EventStream { get; }

    /// <summary>The dead-letters ref.</summary>
    public abstract IActorRef DeadLetters { get; }

    /// <summary>The scheduler.</summary>
    public abstract IScheduler Scheduler { get; }

    /// <summary>The dispatcher registry.</summary>
    public abstract Dispatchers Dispatchers { get; }

    /// <summary>The injected clock and timer source.</summary>
    public abstract TimeProvider TimeProvider { get; }

    /// <summary>The injected logger factory.</summary>
    public abstract ILoggerFactory LoggerFactory { get; }

    /// <summary>The system's own logger.</summary>
    public abstract ILoggingAdapter Log { get; }

    /// <summary>When the system started (time provider).</summary>
    public abstract DateTimeOffset StartTime { get; }

    /// <summary>Completes once the system terminated.</summary>
    public abstract Task WhenTerminated { get; }

    /// <summary>Creates a top-level actor under <c>/user</c>.</summary>
    /// <exception cref="InvalidActorNameException">When the name is invalid or taken.</exception>
    public abstract IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Creates a top-level actor of type <typeparamref name="TActor"/>.</summary>
    public IActorRef ActorOf<TActor>(string? name = null)
        where TActor : ActorBase, new() => ActorOf(Props.Create<TActor>(), name);

    /// <inheritdoc/>
    public abstract ActorSelection ActorSelection(string path);

    /// <inheritdoc/>
    public abstract ActorSelection ActorSelection(ActorPath path);

    /// <summary>
    /// Terminates the system: runs coordinated shutdown (when <c>run-by-actor-system-terminate</c>), which stops
    /// <c>/user</c> then <c>/system</c>. Idempotent.
    /// </summary>
    /// <returns><see cref="WhenTerminated"/>.</returns>
    public abstract Task Terminate();

    /// <summary>Stops <paramref name="actor"/> asynchronously.</summary>
    public abstract void Stop(IActorRef actor);

    /// <summary>Returns the extension <paramref name="extensionId"/> identifies, creating it on first use.</summary>
    public abstract object RegisterExtension(IExtensionId extensionId);

    /// <summary>Returns the extension of type <typeparamref name="T"/> if it was created, else null.</summary>
    public abstract T? GetExtension<T>()
        where T : class, IExtension;

    /// <summary>True when the extension of type <typeparamref name="T"/> was created.</summary>
    public abstract bool HasExtension<T>()
        where T : class, IExtension;

    /// <summary>Returns the extension of type <typeparamref name="T"/>, created by <typeparamref name="TExtensionId"/> on first use.</summary>
    public T WithExtension<T, TExtensionId>()
        where T : class, IExtension
        where TExtensionId : IExtensionId<T>, new() => (T)RegisterExtension(new TExtensionId());

    /// <summary>Terminates the system and waits (up to 10 s) for it.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Terminates the system when <paramref name="disposing"/>.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Terminate().Wait(TimeSpan.FromSeconds(10));
        }
    }
}
