using LithairAkka.Actors.Dispatch.SysMsg;

namespace LithairAkka.Actors;

/// <summary>
/// The temporary ref behind an Ask: registered under <c>/temp</c> (resolvable for remote replies), completes its task
/// with the first message it receives (a <see cref="Status.Failure"/> faults it), or with
/// <see cref="AskTimeoutException"/> when the timeout of the injected time provider fires. Thread-safe.
/// </summary>
internal sealed class PromiseActorRef : MinimalActorRef
{
    private readonly TaskCompletionSource<object> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IActorRefProvider _provider;
    private ITimer? _timer;
    private CancellationTokenRegistration _registration;

    private PromiseActorRef(IActorRefProvider provider, ActorPath path)
    {
        _provider = provider;
        Path = path;
    }

    public override ActorPath Path { get; }

    public override IActorRefProvider Provider => _provider;

    public override bool IsTerminated => _promise.Task.IsCompleted;

    public Task<object> Task => _promise.Task;

    public static PromiseActorRef Create(IActorRefProvider provider, TimeSpan? timeout, object message, ICanTell target, CancellationToken token)
    {
        var promise = new PromiseActorRef(provider, provider.TempPath());
        provider.RegisterTempActor(promise, promise.Path);
        if (timeout is { } t && t != Timeout.InfiniteTimeSpan)
        {
            promise._timer = provider.System.TimeProvider.CreateTimer(
                static state =>
                {
                    var (p, span, target, message) = ((PromiseActorRef, TimeSpan, ICanTell, object))state!;
                    p.Complete(null, new AskTimeoutException($"Timeout after {span} while asking {target} with message of type {message.GetType().Name}."));
                },
                (promise, t, target, message),
                t,
                Timeout.InfiniteTimeSpan);
        }

        if (token.CanBeCanceled)
        {
            promise._registration = token.Register(static state =>
            {
                var (p, ct) = ((PromiseActorRef, CancellationToken))state!;
                p.Complete(null, new TaskCanceledException("The Ask was cancelled.", null, ct));
            }, (promise, token));
        }

        return promise;
    }

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is Status.Failure failure)
        {
            Complete(null, failure.Cause);
        }
        else
        {
            Complete(message, null);
        }
    }

    public override void SendSystemMessage(ISystemMessage message)
    {
        // A watch of a completed promise is answered at once; the promise does not track watchers otherwise.
        if (message is Watch watch && IsTerminated)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, ExistenceConfirmed: true, AddressTerminated: false));
        }
    }

    public override void Stop() => Complete(null, new AskTimeoutException("The Ask's temporary actor was stopped."));

    private void Complete(object? result, Exception? error)
    {
        var completed = error is null ? _promise.TrySetResult(result!) : _promise.TrySetException(error);
        if (completed)
        {
            _timer?.Dispose();
            _registration.Dispose();
            _provider.UnregisterTempActor(Path);
        }
    }
}
