namespace LithairAkka.Persistence;

/// <summary>
/// The typed handlers of a <see cref="ReceivePersistentActor"/> behaviour, dispatched through a per-runtime-type
/// cache of the handlers that accept the type (in registration order). Actor thread only.
/// </summary>
internal sealed class HandlerTable
{
    private readonly List<Handler> _handlers = [];
    private readonly Dictionary<Type, Handler[]> _byType = [];

    public void Add<T>(Func<T, bool> handler)
    {
        _handlers.Add(new Handler(typeof(T), message => handler((T)message)));
        _byType.Clear();
    }

    public bool Handle(object message)
    {
        var type = message.GetType();
        if (!_byType.TryGetValue(type, out var candidates))
        {
            candidates = _handlers.Where(h => h.MessageType.IsAssignableFrom(type)).ToArray();
            _byType[type] = candidates;
        }

        foreach (var handler in candidates)
        {
            if (handler.TryHandle(message))
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Handler(Type MessageType, Func<object, bool> TryHandle);
}
