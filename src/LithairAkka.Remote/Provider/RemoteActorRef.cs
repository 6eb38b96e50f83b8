using LithairAkka.Actors.Dispatch.SysMsg;
using LithairAkka.Remote.Transport;

namespace LithairAkka.Remote;

/// <summary>
/// A ref to an actor on another node (Akka's <c>RemoteActorRef</c>). <see cref="Tell"/> serializes the message on
/// the calling thread and queues it on the association with the actor's node; it never blocks and never throws for
/// a message that cannot be serialized or queued (that is logged and counted). Delivery is at most once, in order
/// per sender and recipient. Equality is by path and uid, as for every ref. Watching it goes through the
/// <see cref="RemoteWatcher"/>. Thread-safe.
/// </summary>
public sealed class RemoteActorRef : InternalActorRefBase
{
    private readonly RemoteActorRefProvider _provider;
    private byte[]? _serializedPath;
    private Association? _association;

    internal RemoteActorRef(RemoteActorRefProvider provider, ActorPath path, RemoteAddress remoteAddress)
    {
        _provider = provider;
        Path = path;
        RemoteAddress = remoteAddress;
    }

    /// <inheritdoc/>
    public override ActorPath Path { get; }

    /// <summary>The transport address of the actor's node.</summary>
    public RemoteAddress RemoteAddress { get; }

    /// <summary>The ref of the parent path on the same node.</summary>
    public override IInternalActorRef Parent => Path.Depth == 0 ? this : _provider.RemoteRefFor(Path.Parent, RemoteAddress);

    /// <inheritdoc/>
    public override IActorRefProvider Provider => _provider;

    /// <summary>Always false.</summary>
    public override bool IsLocal => false;

    /// <summary>Always false: whether a remote actor lives is known only by watching it.</summary>
    public override bool IsTerminated => false;

    /// <summary>The UTF-8 serialized path (address, elements, uid) written into every envelope.</summary>
    internal byte[] SerializedPath => _serializedPath ??= _provider.Writer.EncodePath(this);

    /// <summary>The association with the actor's node, looked up once.</summary>
    internal Association Association => _association ??= _provider.Transport.GetAssociation(RemoteAddress);

    /// <summary>The ref of a path below this one on the same node (<c>..</c> walks up).</summary>
    public override IActorRef GetChild(IReadOnlyList<string> name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var path = Path;
        foreach (var element in name)
        {
            path = element switch
            {
                "" or "." => path,
                ".." => path.Parent,
                _ => path / element,
            };
        }

        return ReferenceEquals(path, Path) ? this : _provider.RemoteRefFor(path, RemoteAddress);
    }

    /// <summary>Serializes <paramref name="message"/> and queues it for the remote actor.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public override void Tell(object message, IActorRef? sender)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message), "Message must not be null.");
        }

        _provider.Writer.Send(this, message, sender, isSystem: false);
    }

    /// <summary>
    /// Sends a system message to the remote actor: <see cref="Watch"/> and <see cref="Unwatch"/> also register with
    /// the remote watcher; <see cref="DeathWatchNotification"/> reaches a remote watcher; other kinds are not
    /// accepted by the receiving node (except <see cref="Terminate"/>).
    /// </summary>
    public override void SendSystemMessage(ISystemMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _provider.SendSystemMessage(this, message);
    }

    /// <summary>No effect: a remote actor was started by its own node.</summary>
    public override void Start()
    {
    }

    /// <summary>Asks the remote actor to stop (a <see cref="Terminate"/> system message).</summary>
    public override void Stop() => SendSystemMessage(Terminate.Instance);

    /// <summary>No effect: only a parent suspends its children, and a parent is always on its children's node.</summary>
    public override void Suspend()
    {
    }

    /// <summary>No effect: only a parent resumes its children, and a parent is always on its children's node.</summary>
    public override void Resume(Exception? causedByFailure = null)
    {
    }

    /// <summary>No effect: only a parent restarts its children, and a parent is always on its children's node.</summary>
    public override void Restart(Exception cause)
    {
    }

    /// <summary>Uses the exact bytes a peer sent as this ref's serialized path (replies then match them).</summary>
    internal void SeedSerializedPath(byte[] bytes) => _serializedPath ??= bytes;
}
