namespace LithairAkka.Actors;

/// <summary>The Ask pattern: send a message and get the first reply as a task.</summary>
public static class Futures
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary sender and returns its first reply. A
    /// <see cref="Status.Failure"/> reply faults the task with its cause.
    /// </summary>
    /// <param name="target">A ref or selection.</param>
    /// <param name="message">The question.</param>
    /// <param name="timeout">How long to wait; null uses <c>akka.actor.ask-timeout</c> (infinite by default).</param>
    /// <param name="token">Cancels the wait.</param>
    /// <exception cref="AskTimeoutException">No reply in time, or the target was already dead.</exception>
    public static Task<object> Ask(this ICanTell target, object message, TimeSpan? timeout = null, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        var provider = ResolveProvider(target);
        if (target is IInternalActorRef { IsTerminated: true } dead)
        {
            return Task.FromException<object>(new AskTimeoutException($"Recipient {dead} had already been terminated; message of type {message.GetType().Name} not sent."));
        }

        var promise = PromiseActorRef.Create(provider, timeout ?? provider.Settings.AskTimeout, message, target, token);
        target.Tell(message, promise);
        return promise.Task;
    }

    /// <summary>Like <see cref="Ask(ICanTell, object, TimeSpan?, CancellationToken)"/>, typed.</summary>
    /// <exception cref="InvalidCastException">When the reply is not a <typeparamref name="T"/>.</exception>
    public static async Task<T> Ask<T>(this ICanTell target, object message, TimeSpan? timeout = null, CancellationToken token = default)
    {
        var reply = await Ask(target, message, timeout, token).ConfigureAwait(false);
        return reply is T typed
            ? typed
            : throw new InvalidCastException($"Ask expected a reply of type {typeof(T).Name} but got {reply.GetType().Name}: {reply}");
    }

    /// <summary>Asks with a message built from the temporary reply-to ref.</summary>
    public static async Task<T> Ask<T>(this ICanTell target, Func<IActorRef, object> messageFactory, TimeSpan? timeout = null, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(messageFactory);
        var provider = ResolveProvider(target);
        var promise = PromiseActorRef.Create(provider, timeout ?? provider.Settings.AskTimeout, messageFactory, target, token);
        target.Tell(messageFactory(promise), promise);
        var reply = await promise.Task.ConfigureAwait(false);
        return reply is T typed
            ? typed
            : throw new InvalidCastException($"Ask expected a reply of type {typeof(T).Name} but got {reply.GetType().Name}: {reply}");
    }

    private static IActorRefProvider ResolveProvider(ICanTell target) => target switch
    {
        ActorSelection selection when selection.Anchor is IInternalActorRef anchor => anchor.Provider,
        IInternalActorRef internalRef and not Nobody => internalRef.Provider,
        _ => throw new ArgumentException($"Cannot Ask {target}: it belongs to no actor system.", nameof(target)),
    };
}
