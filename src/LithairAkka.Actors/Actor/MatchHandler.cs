namespace LithairAkka.Actors;

/// <summary>One registered handler of a <see cref="ReceiveActor"/> behaviour.</summary>
internal abstract class MatchHandler(Type messageType)
{
    public Type MessageType { get; } = messageType;

    /// <summary>Runs the handler on a message already known to be a <see cref="MessageType"/>; false when it declined.</summary>
    public abstract bool TryHandle(object message);
}

internal sealed class ActionHandler<T>(Action<T> handler, Predicate<T>? predicate) : MatchHandler(typeof(T))
{
    public override bool TryHandle(object message)
    {
        var typed = (T)message;
        if (predicate is not null && !predicate(typed))
        {
            return false;
        }

        handler(typed);
        return true;
    }
}

internal sealed class FuncHandler<T>(Func<T, bool> handler) : MatchHandler(typeof(T))
{
    public override bool TryHandle(object message) => handler((T)message);
}

internal sealed class AsyncHandler<T>(Func<T, Task> handler, Predicate<T>? predicate, ActorCell cell) : MatchHandler(typeof(T))
{
    public override bool TryHandle(object message)
    {
        var typed = (T)message;
        if (predicate is not null && !predicate(typed))
        {
            return false;
        }

        cell.RunAsyncHandler(static state => ((Func<T, Task>)state.Handler)((T)state.Message), new AsyncHandlerState(handler, message));
        return true;
    }
}

internal readonly record struct AsyncHandlerState(object Handler, object Message);
