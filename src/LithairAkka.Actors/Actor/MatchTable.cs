namespace LithairAkka.Actors;

/// <summary>
/// The handlers of one <see cref="ReceiveActor"/> behaviour and a per-runtime-type dispatch table built lazily from
/// them: the first message of a type computes, once, the handlers that accept it (in registration order), so later
/// messages cost one dictionary lookup (none when the type repeats) instead of a scan with type tests.
/// Used only on the actor's thread.
/// </summary>
internal sealed class MatchTable
{
    private readonly List<MatchHandler> _handlers = [];
    private readonly Dictionary<Type, MatchHandler[]> _byType = [];
    private Type? _lastType;
    private MatchHandler[] _lastHandlers = [];

    public void Add(MatchHandler handler)
    {
        _handlers.Add(handler);
        _byType.Clear();
        _lastType = null;
    }

    public bool Handle(object message)
    {
        var type = message.GetType();
        MatchHandler[] candidates;
        if (ReferenceEquals(type, _lastType))
        {
            candidates = _lastHandlers;
        }
        else
        {
            if (!_byType.TryGetValue(type, out candidates!))
            {
                candidates = _handlers.Where(h => h.MessageType.IsAssignableFrom(type)).ToArray();
                _byType[type] = candidates;
            }

            _lastType = type;
            _lastHandlers = candidates;
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
}
