namespace LithairAkka.Actors;

/// <summary>
/// The behaviour stack: <see cref="_behavior"/> is the top, <see cref="_behaviorStack"/> holds the ones below it.
/// </summary>
internal sealed partial class ActorCell
{
    /// <summary>Replaces the top behaviour.</summary>
    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        _behavior = receive;
    }

    /// <summary>Pushes a behaviour; <see cref="UnbecomeStacked"/> returns to the current one.</summary>
    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        (_behaviorStack ??= []).Add(_behavior);
        _behavior = receive;
    }

    /// <summary>Pops the top behaviour; the bottom one stays.</summary>
    public void UnbecomeStacked()
    {
        if (_behaviorStack is { Count: > 0 })
        {
            _behavior = _behaviorStack[^1];
            _behaviorStack.RemoveAt(_behaviorStack.Count - 1);
        }
    }
}
