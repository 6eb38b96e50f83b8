using LithairAkka.Actors;

namespace LithairAkka.Persistence;

/// <summary>
/// A persistent actor that receives every command in <see cref="OnCommand"/> and every recovery message in
/// <see cref="OnRecover"/>; call <c>Unhandled</c> for the ones it does not want.
/// </summary>
public abstract class UntypedPersistentActor : Eventsourced
{
    /// <summary>Handles a command.</summary>
    protected abstract void OnCommand(object message);

    /// <summary>Handles a recovery message (<see cref="SnapshotOffer"/>, a replayed event, <see cref="RecoveryCompleted"/>).</summary>
    protected abstract void OnRecover(object message);

    /// <summary>Replaces the command behaviour with <paramref name="receive"/>.</summary>
    protected void Become(UntypedReceive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        Become(Wrap(receive));
    }

    /// <summary>Pushes <paramref name="receive"/> as command behaviour.</summary>
    protected void BecomeStacked(UntypedReceive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        BecomeStacked(Wrap(receive));
    }

    /// <inheritdoc/>
    protected sealed override bool ReceiveCommand(object message)
    {
        OnCommand(message);
        return true;
    }

    /// <inheritdoc/>
    protected sealed override bool ReceiveRecover(object message)
    {
        OnRecover(message);
        return true;
    }

    private static Receive Wrap(UntypedReceive receive) => message =>
    {
        receive(message);
        return true;
    };
}
