namespace LithairAkka.Persistence;

/// <summary>
/// A persist (or defer) handler waiting for its journal answer. <see cref="Invoke"/> is a cached delegate per event
/// type, so queuing a handler allocates nothing beyond the user's own delegate.
/// </summary>
/// <param name="Handler">The user's <c>Action&lt;TEvent&gt;</c>.</param>
/// <param name="Invoke">Calls <paramref name="Handler"/> with the event.</param>
/// <param name="IsStashing">True for Persist/PersistAll/Defer: commands wait until it ran.</param>
internal readonly record struct PendingInvocation(Delegate Handler, Action<Delegate, object> Invoke, bool IsStashing)
{
    public static PendingInvocation For<TEvent>(Action<TEvent> handler, bool isStashing) =>
        new(handler, Invoker<TEvent>.Instance, isStashing);

    private static class Invoker<TEvent>
    {
        public static readonly Action<Delegate, object> Instance = static (handler, @event) => ((Action<TEvent>)handler)((TEvent)@event);
    }
}
