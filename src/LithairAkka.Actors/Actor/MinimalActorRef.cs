using LithairAkka.Actors.Dispatch.SysMsg;

namespace LithairAkka.Actors;

/// <summary>
/// A ref without a cell or mailbox: lifecycle operations do nothing, messages go to <see cref="Tell"/>.
/// Base of dead letters, ask promises and other virtual refs.
/// </summary>
public abstract class MinimalActorRef : InternalActorRefBase, ILocalActorRef
{
    /// <inheritdoc/>
    public override IInternalActorRef Parent => Nobody.Instance;

    /// <inheritdoc/>
    public override bool IsLocal => true;

    /// <inheritdoc/>
    public override bool IsTerminated => false;

    /// <inheritdoc/>
    public override IActorRef GetChild(IReadOnlyList<string> name) =>
        name.All(string.IsNullOrEmpty) ? this : Nobody.Instance;

    /// <summary>Ignores the message; override to handle.</summary>
    public override void Tell(object message, IActorRef? sender)
    {
    }

    /// <summary>Ignores the message; override to handle.</summary>
    public override void SendSystemMessage(ISystemMessage message)
    {
    }

    /// <inheritdoc/>
    public override void Start()
    {
    }

    /// <inheritdoc/>
    public override void Stop()
    {
    }

    /// <inheritdoc/>
    public override void Suspend()
    {
    }

    /// <inheritdoc/>
    public override void Resume(Exception? causedByFailure = null)
    {
    }

    /// <inheritdoc/>
    public override void Restart(Exception cause)
    {
    }
}
