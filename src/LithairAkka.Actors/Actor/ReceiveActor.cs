namespace LithairAkka.Actors;

/// <summary>
/// An actor whose behaviour is a set of typed handlers registered in its constructor (or in a
/// <see cref="Become(Action)"/> block): <c>Receive&lt;Ping&gt;(p =&gt; Sender.Tell(new Pong()))</c>. For each message
/// the first matching handler in registration order runs; messages no handler takes go to <c>Unhandled</c>.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private readonly MatchTable _initial = new();
    private MatchTable? _building;

    /// <summary>Starts collecting the handlers of the initial behaviour.</summary>
    protected ReceiveActor()
    {
        _building = _initial;
    }

    /// <summary>Handles messages of type <typeparamref name="T"/>.</summary>
    protected void Receive<T>(Action<T> handler) => Add(new ActionHandler<T>(Check(handler), null));

    /// <summary>Handles messages of type <typeparamref name="T"/> for which <paramref name="shouldHandle"/> is true.</summary>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler) =>
        Add(new ActionHandler<T>(Check(handler), Check(shouldHandle)));

    /// <summary>Handles messages of type <typeparamref name="T"/> for which <paramref name="shouldHandle"/> is true.</summary>
    protected void Receive<T>(Action<T> handler, Predicate<T> shouldHandle) =>
        Add(new ActionHandler<T>(Check(handler), Check(shouldHandle)));

    /// <summary>Offers messages of type <typeparamref name="T"/> to <paramref name="handler"/>, which returns whether it handled them.</summary>
    protected void Receive<T>(Func<T, bool> handler) => Add(new FuncHandler<T>(Check(handler)));

    /// <summary>
    /// Handles messages of type <typeparamref name="T"/> asynchronously: the mailbox is suspended until the task
    /// completes, so the next message is processed only afterwards. <c>Self</c>, <c>Sender</c> and <c>Context</c> stay
    /// valid after each <c>await</c> (continuations run on the actor). A faulted task fails the actor.
    /// </summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null) =>
        Add(new AsyncHandler<T>(Check(handler), shouldHandle, Cell));

    /// <summary>Handles any message not taken by an earlier handler.</summary>
    protected void ReceiveAny(Action<object> handler) => Add(new ActionHandler<object>(Check(handler), null));

    /// <summary>Handles any message not taken by an earlier handler, asynchronously (see <see cref="ReceiveAsync{T}"/>).</summary>
    protected void ReceiveAnyAsync(Func<object, Task> handler) => ReceiveAsync(handler);

    /// <summary>Replaces the behaviour with the handlers <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure) => Become(Build(configure));

    /// <summary>Pushes a behaviour made of the handlers <paramref name="configure"/> registers.</summary>
    protected void BecomeStacked(Action configure) => BecomeStacked(Build(configure));

    /// <inheritdoc/>
    protected internal sealed override bool Receive(object message) => _initial.Handle(message);

    internal override void AfterConstruction() => _building = null;

    /// <summary>The cell calls the handler table directly, skipping the virtual <see cref="Receive(object)"/>.</summary>
    internal override Receive InitialBehavior => _initial.Handle;

    private Receive Build(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var table = new MatchTable();
        var previous = _building;
        _building = table;
        try
        {
            configure();
        }
        finally
        {
            _building = previous;
        }

        return table.Handle;
    }

    private void Add(MatchHandler handler)
    {
        if (_building is null)
        {
            throw new InvalidOperationException("Receive handlers may only be registered in the constructor or inside Become(Action).");
        }

        _building.Add(handler);
    }

    private static TDelegate Check<TDelegate>(TDelegate handler)
        where TDelegate : Delegate
    {
        ArgumentNullException.ThrowIfNull(handler);
        return handler;
    }
}
