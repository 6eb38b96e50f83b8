using LithairAkka.Actors.Dispatch.SysMsg;

namespace LithairAkka.Actors;

/// <summary>
/// ReceiveAsync: the handler runs with an <see cref="ActorSynchronizationContext"/> that posts continuations back to
/// the actor as system messages (so they run on the actor, with the original message and sender restored), and the
/// mailbox stays suspended for user messages until the handler's task completes.
/// </summary>
internal sealed partial class ActorCell
{
    private Task? _pendingAsync;
    private object? _asyncMessage;
    private IActorRef? _asyncSender;
    private ActorSynchronizationContext? _synchronizationContext;

    internal void RunAsyncHandler(Func<AsyncHandlerState, Task> run, AsyncHandlerState state)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_synchronizationContext ??= new ActorSynchronizationContext(this));
        Task task;
        try
        {
            task = run(state);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (task.IsCompleted)
        {
            task.GetAwaiter().GetResult();
            return;
        }

        _pendingAsync = task;
        _asyncMessage = _currentMessage;
        _asyncSender = _currentSender;
        _mailbox.Suspend();
        task.ContinueWith(
            static (t, s) => ((ActorCell)s!).SendSystemMessage(new AsyncHandlerCompleted(t)),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    internal void PostContinuation(SendOrPostCallback callback, object? state) =>
        SendSystemMessage(new AsyncContinuation(callback, state));

    private void RunAsyncContinuation(AsyncContinuation continuation)
    {
        var previous = SynchronizationContext.Current;
        var (savedMessage, savedSender) = (_currentMessage, _currentSender);
        _currentMessage = _asyncMessage;
        _currentSender = _asyncSender;
        SynchronizationContext.SetSynchronizationContext(_synchronizationContext);
        try
        {
            continuation.Callback(continuation.State);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
            (_currentMessage, _currentSender) = (savedMessage, savedSender);
        }
    }

    private void CompleteAsyncHandler(Task task)
    {
        if (!ReferenceEquals(task, _pendingAsync))
        {
            return;
        }

        _pendingAsync = null;
        _mailbox.Resume();
        if (task.IsFaulted || task.IsCanceled)
        {
            _currentMessage = _asyncMessage;
            _currentSender = _asyncSender;
            var cause = task.Exception?.InnerExceptions.Count == 1
                ? task.Exception.InnerException!
                : (Exception?)task.Exception ?? new TaskCanceledException(task);
            HandleInvokeFailure(null, cause);
        }

        _asyncMessage = null;
        _asyncSender = null;
    }

    /// <summary>Forgets a pending handler (restart or stop) and balances its suspension.</summary>
    private void CancelPendingAsync()
    {
        if (_pendingAsync is not null)
        {
            _pendingAsync = null;
            _mailbox.Resume();
        }
    }
}

/// <summary>Posts await continuations of a ReceiveAsync handler back to its actor.</summary>
internal sealed class ActorSynchronizationContext(ActorCell cell) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state) => cell.PostContinuation(d, state);

    public override SynchronizationContext CreateCopy() => this;
}

/// <summary>An await continuation to run on the actor.</summary>
internal sealed record AsyncContinuation(SendOrPostCallback Callback, object? State) : ISystemMessage;

/// <summary>The task of a ReceiveAsync handler completed.</summary>
internal sealed record AsyncHandlerCompleted(Task Task) : ISystemMessage;
