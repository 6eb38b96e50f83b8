namespace LithairAkka.Actors;

/// <summary>Sends the outcome of a task to an actor: the result (or a mapping of it), or a <see cref="Status.Failure"/>.</summary>
public static class PipeToSupport
{
    /// <summary>
    /// When <paramref name="task"/> completes, tells <paramref name="recipient"/> the result (or <paramref name="success"/>
    /// of it), or on failure <see cref="Status.Failure"/> (or <paramref name="failure"/> of the exception).
    /// </summary>
    /// <returns>A task that completes once the message was sent.</returns>
    public static Task PipeTo<T>(this Task<T> task, ICanTell recipient, IActorRef? sender = null, Func<T, object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    var result = success is null ? t.Result : success(t.Result);
                    if (result is not null)
                    {
                        recipient.Tell(result, sender);
                    }
                }
                else
                {
                    recipient.Tell(failure is null ? new Status.Failure(Unwrap(t)) : failure(Unwrap(t)), sender);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Tells <paramref name="recipient"/> <paramref name="success"/>() (nothing when null) or a failure when <paramref name="task"/> completes.</summary>
    public static Task PipeTo(this Task task, ICanTell recipient, IActorRef? sender = null, Func<object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    if (success?.Invoke() is { } result)
                    {
                        recipient.Tell(result, sender);
                    }
                }
                else
                {
                    recipient.Tell(failure is null ? new Status.Failure(Unwrap(t)) : failure(Unwrap(t)), sender);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static Exception Unwrap(Task task) =>
        task.Exception is { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerException! : (Exception?)task.Exception ?? new TaskCanceledException(task);
}
