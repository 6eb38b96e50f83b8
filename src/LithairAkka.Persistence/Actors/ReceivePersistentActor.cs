namespace LithairAkka.Persistence;

/// <summary>
/// A persistent actor whose handlers are registered in its constructor, as Akka's <c>ReceivePersistentActor</c>:
/// <c>Recover&lt;Added&gt;(e =&gt; _state.Add(e))</c> and
/// <c>Command&lt;Add&gt;(c =&gt; Persist(new Added(c.Item), e =&gt; { _state.Add(e); Sender.Tell(Done.Instance); }))</c>.
/// For each message the first matching handler in registration order runs; the rest go to <c>Unhandled</c>.
/// <see cref="Become(Action)"/> swaps the command handlers.
/// </summary>
public abstract class ReceivePersistentActor : UntypedPersistentActor
{
    private readonly HandlerTable _commands = new();
    private readonly HandlerTable _recover = new();
    private HandlerTable? _building;
    private bool _constructed;

    /// <summary>Starts collecting handlers.</summary>
    protected ReceivePersistentActor()
    {
        _building = _commands;
    }

    /// <summary>Handles commands of type <typeparamref name="T"/> (for which <paramref name="shouldHandle"/> holds, when given).</summary>
    protected void Command<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        CommandTable().Add<T>(message =>
        {
            if (shouldHandle is not null && !shouldHandle(message))
            {
                return false;
            }

            handler(message);
            return true;
        });
    }

    /// <summary>Offers commands of type <typeparamref name="T"/> to <paramref name="handler"/>, which returns whether it handled them.</summary>
    protected void Command<T>(Func<T, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        CommandTable().Add(handler);
    }

    /// <summary>Handles any command not taken by an earlier handler.</summary>
    protected void CommandAny(Action<object> handler) => Command(handler);

    /// <summary>Handles recovery messages of type <typeparamref name="T"/> (constructor only).</summary>
    protected void Recover<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        RecoverTable().Add<T>(message =>
        {
            if (shouldHandle is not null && !shouldHandle(message))
            {
                return false;
            }

            handler(message);
            return true;
        });
    }

    /// <summary>Offers recovery messages of type <typeparamref name="T"/> to <paramref name="handler"/> (constructor only).</summary>
    protected void Recover<T>(Func<T, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        RecoverTable().Add(handler);
    }

    /// <summary>Handles any recovery message not taken by an earlier handler (constructor only).</summary>
    protected void RecoverAny(Action<object> handler) => Recover(handler);

    /// <summary>Replaces the command handlers with the ones <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure) => Become(Build(configure));

    /// <summary>Pushes the command handlers <paramref name="configure"/> registers; <c>UnbecomeStacked</c> pops them.</summary>
    protected void BecomeStacked(Action configure) => BecomeStacked(Build(configure));

    /// <inheritdoc/>
    protected sealed override void OnCommand(object message)
    {
        _constructed = true;
        if (!_commands.Handle(message))
        {
            Unhandled(message);
        }
    }

    /// <inheritdoc/>
    protected sealed override void OnRecover(object message)
    {
        _constructed = true;
        if (!_recover.Handle(message) && message is not RecoveryCompleted)
        {
            Unhandled(message);
        }
    }

    private Actors.Receive Build(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var table = new HandlerTable();
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

        return message =>
        {
            if (!table.Handle(message))
            {
                Unhandled(message);
            }

            return true;
        };
    }

    private HandlerTable CommandTable() => _building is { } table && !(_constructed && ReferenceEquals(table, _commands))
        ? table
        : throw new InvalidOperationException("Command handlers may only be registered in the constructor or inside Become(Action).");

    private HandlerTable RecoverTable() => !_constructed && ReferenceEquals(_building, _commands)
        ? _recover
        : throw new InvalidOperationException("Recover handlers may only be registered in the constructor.");
}
