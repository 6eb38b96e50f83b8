namespace LithairAkka.Actors;

/// <summary>An actor that handles every message in <see cref="OnReceive"/>; call <c>Unhandled</c> for the ones it does not want.</summary>
public abstract class UntypedActor : ActorBase
{
    /// <summary>Handles a message.</summary>
    protected abstract void OnReceive(object message);

    /// <summary>Replaces the current behaviour with <paramref name="receive"/>.</summary>
    protected void Become(UntypedReceive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        Become(Wrap(receive));
    }

    /// <summary>Pushes <paramref name="receive"/> on the behaviour stack.</summary>
    protected void BecomeStacked(UntypedReceive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        BecomeStacked(Wrap(receive));
    }

    /// <inheritdoc/>
    protected internal sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }

    private static Receive Wrap(UntypedReceive receive) => message =>
    {
        receive(message);
        return true;
    };
}
