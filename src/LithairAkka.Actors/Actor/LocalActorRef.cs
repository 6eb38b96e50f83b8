using LithairAkka.Actors.Dispatch;
using LithairAkka.Actors.Dispatch.SysMsg;

namespace LithairAkka.Actors;

/// <summary>
/// The ref of an actor in this process. <see cref="Tell"/> enqueues a struct envelope into the actor's lock-free
/// mailbox and schedules it when idle: no lock, no task, no allocation beyond the queue's amortized segments.
/// Thread-safe.
/// </summary>
public sealed class LocalActorRef : InternalActorRefBase, ILocalActorRef
{
    private readonly ActorCell _cell;
    private IReadOnlyDictionary<string, IInternalActorRef>? _extraChildren;

    internal LocalActorRef(ActorSystemImpl system, Props props, MessageDispatcher dispatcher, MailboxSettings mailbox, IInternalActorRef parent, ActorPath path)
    {
        Path = path;
        _cell = new ActorCell(system, this, props, dispatcher, mailbox, parent);
    }

    /// <inheritdoc/>
    public override ActorPath Path { get; }

    /// <inheritdoc/>
    public override IInternalActorRef Parent => _cell.ParentRef;

    /// <inheritdoc/>
    public override IActorRefProvider Provider => _cell.SystemImpl.Provider;

    /// <inheritdoc/>
    public override bool IsLocal => true;

    /// <inheritdoc/>
    public override bool IsTerminated => _cell.IsTerminated;

    internal ActorCell Cell => _cell;

    /// <summary>Virtual children that are not actors of this cell (the root guardian's <c>temp</c> and <c>deadLetters</c>).</summary>
    internal void SetExtraChildren(IReadOnlyDictionary<string, IInternalActorRef> children) => _extraChildren = children;

    /// <inheritdoc/>
    public override void Tell(object message, IActorRef? sender)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message), "Message must not be null.");
        }

        _cell.SendMessage(message, sender);
    }

    /// <inheritdoc/>
    public override void SendSystemMessage(ISystemMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _cell.SendSystemMessage(message);
    }

    /// <inheritdoc/>
    public override void Start() => _cell.Start();

    /// <inheritdoc/>
    public override void Stop() => _cell.SendSystemMessage(Terminate.Instance);

    /// <inheritdoc/>
    public override void Suspend() => _cell.SendSystemMessage(Dispatch.SysMsg.Suspend.Instance);

    /// <inheritdoc/>
    public override void Resume(Exception? causedByFailure = null) => _cell.SendSystemMessage(new Resume(causedByFailure));

    /// <inheritdoc/>
    public override void Restart(Exception cause) => _cell.SendSystemMessage(new Recreate(cause));

    /// <summary>The child with <paramref name="name"/> (optionally <c>name#uid</c>), or <see cref="Nobody"/>.</summary>
    public IActorRef GetSingleChild(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var hash = name.IndexOf('#', StringComparison.Ordinal);
        var childName = hash < 0 ? name : name[..hash];
        if (_cell.ChildrenContainer.TryGetByName(childName, out var stats))
        {
            if (hash < 0 || stats!.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture) == name[(hash + 1)..])
            {
                return stats!.Child;
            }

            return Nobody.Instance;
        }

        return _extraChildren is not null && _extraChildren.TryGetValue(childName, out var extra) ? extra : Nobody.Instance;
    }

    /// <summary>The children whose names satisfy <paramref name="predicate"/>.</summary>
    public IEnumerable<IInternalActorRef> GetChildren(Func<string, bool> predicate) =>
        _cell.ChildrenContainer.Stats.Where(s => predicate(s.Child.Path.Name)).Select(s => s.Child);

    /// <inheritdoc/>
    public override IActorRef GetChild(IReadOnlyList<string> name)
    {
        ArgumentNullException.ThrowIfNull(name);
        IActorRef current = this;
        foreach (var element in name)
        {
            switch (element)
            {
                case "" or ".":
                    continue;
                case "..":
                    current = ((IInternalActorRef)current).Parent;
                    break;
                default:
                    current = current switch
                    {
                        LocalActorRef local => local.GetSingleChild(element),
                        IInternalActorRef other => other.GetChild([element]),
                        _ => Nobody.Instance,
                    };
                    break;
            }

            if (current is Nobody)
            {
                return current;
            }
        }

        return current;
    }
}
