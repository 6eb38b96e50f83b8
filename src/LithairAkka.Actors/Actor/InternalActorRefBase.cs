using LithairAkka.Actors.Dispatch.SysMsg;

namespace LithairAkka.Actors;

/// <summary>Base for refs the runtime controls; see <see cref="IInternalActorRef"/>.</summary>
public abstract class InternalActorRefBase : ActorRefBase, IInternalActorRef
{
    /// <inheritdoc/>
    public abstract IInternalActorRef Parent { get; }

    /// <inheritdoc/>
    public abstract IActorRefProvider Provider { get; }

    /// <inheritdoc/>
    public abstract bool IsLocal { get; }

    /// <inheritdoc/>
    public abstract bool IsTerminated { get; }

    /// <inheritdoc/>
    public abstract IActorRef GetChild(IReadOnlyList<string> name);

    /// <inheritdoc/>
    public abstract void SendSystemMessage(ISystemMessage message);

    /// <inheritdoc/>
    public abstract void Start();

    /// <inheritdoc/>
    public abstract void Stop();

    /// <inheritdoc/>
    public abstract void Suspend();

    /// <inheritdoc/>
    public abstract void Resume(Exception? causedByFailure = null);

    /// <inheritdoc/>
    public abstract void Restart(Exception cause);
}
