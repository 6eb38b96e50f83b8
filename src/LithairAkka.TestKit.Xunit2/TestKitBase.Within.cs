using System.Diagnostics;
using LithairAkka.TestKit.Internal;

namespace LithairAkka.TestKit;

/// <summary>Timing blocks and polling assertions.</summary>
public abstract partial class TestKitBase
{
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Runs <paramref name="action"/>, which must complete within <paramref name="max"/> (dilated).</summary>
    public void Within(TimeSpan max, Action action, string? hint = null) => Within(TimeSpan.Zero, max, action, hint);

    /// <summary>
    /// Runs <paramref name="action"/>, which must take at least <paramref name="min"/> and at most
    /// <paramref name="max"/> (dilated). Inside, expectations without a timeout get the time remaining.
    /// </summary>
    public void Within(TimeSpan min, TimeSpan max, Action action, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        Within<object?>(min, max, () =>
        {
            action();
            return null;
        }, hint);
    }

    /// <summary>Like <see cref="Within(TimeSpan, TimeSpan, Action, string?)"/>, returning the function's result.</summary>
    public T Within<T>(TimeSpan min, TimeSpan max, Func<T> function, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        var (start, maxDiff, previous) = EnterWithin(max);
        T result;
        try
        {
            result = function();
        }
        finally
        {
            _end = previous;
        }

        CheckWithin(start, min, maxDiff, hint);
        return result;
    }

    /// <summary>Async <see cref="Within(TimeSpan, TimeSpan, Action, string?)"/>.</summary>
    public async Task WithinAsync(TimeSpan min, TimeSpan max, Func<Task> action, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (start, maxDiff, previous) = EnterWithin(max);
        try
        {
            await action().ConfigureAwait(false);
        }
        finally
        {
            _end = previous;
        }

        CheckWithin(start, min, maxDiff, hint);
    }

    /// <summary>Async <see cref="Within(TimeSpan, Action, string?)"/>.</summary>
    public Task WithinAsync(TimeSpan max, Func<Task> action, string? hint = null) => WithinAsync(TimeSpan.Zero, max, action, hint);

    /// <summary>Polls <paramref name="condition"/> every <paramref name="interval"/> until true, failing after <paramref name="max"/>.</summary>
    public void AwaitCondition(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var timeout = AwaitTimeout(max);
        var deadline = Deadline.After(timeout);
        while (!condition())
        {
            if (deadline.IsOverdue)
            {
                Fail($"Timeout ({timeout}) expired while awaiting condition{Hint(message)}");
            }

            Thread.Sleep(PollDelay(interval, deadline));
        }
    }

    /// <summary>Async <see cref="AwaitCondition"/>.</summary>
    public async Task AwaitConditionAsync(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var timeout = AwaitTimeout(max);
        var deadline = Deadline.After(timeout);
        while (!condition())
        {
            if (deadline.IsOverdue)
            {
                Fail($"Timeout ({timeout}) expired while awaiting condition{Hint(message)}");
            }

            await Task.Delay(PollDelay(interval, deadline), token).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="assertion"/> every <paramref name="interval"/> until it passes; after <paramref name="duration"/> its last failure is thrown.</summary>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var deadline = Deadline.After(AwaitTimeout(duration));
        while (true)
        {
            try
            {
                assertion();
                return;
            }
            catch (Exception) when (!deadline.IsOverdue)
            {
                Thread.Sleep(PollDelay(interval, deadline));
            }
        }
    }

    /// <summary>Async <see cref="AwaitAssert"/>.</summary>
    public async Task AwaitAssertAsync(Func<Task> assertion, TimeSpan? duration = null, TimeSpan? interval = null, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var deadline = Deadline.After(AwaitTimeout(duration));
        while (true)
        {
            try
            {
                await assertion().ConfigureAwait(false);
                return;
            }
            catch (Exception) when (!deadline.IsOverdue)
            {
                await Task.Delay(PollDelay(interval, deadline), token).ConfigureAwait(false);
            }
        }
    }

    private (long Start, TimeSpan MaxDiff, Deadline? Previous) EnterWithin(TimeSpan max)
    {
        var start = Stopwatch.GetTimestamp();
        var maxDiff = Dilated(max);
        var previous = _end;
        if (previous is { } outer && outer.Remaining < maxDiff)
        {
            maxDiff = outer.Remaining;
        }

        _end = Deadline.After(maxDiff);
        return (start, maxDiff, previous);
    }

    private static void CheckWithin(long start, TimeSpan min, TimeSpan maxDiff, string? hint)
    {
        var elapsed = Stopwatch.GetElapsedTime(start);
        if (elapsed < min)
        {
            Fail($"Failed: Block took {elapsed}, should at least have been {min}{Hint(hint)}");
        }

        if (elapsed > maxDiff)
        {
            Fail($"Failed: Block took {elapsed}, exceeding {maxDiff}{Hint(hint)}");
        }
    }

    private TimeSpan AwaitTimeout(TimeSpan? max) =>
        max is null ? (_end is { } end ? end.Remaining : Dilated(TestKitSettings.DefaultTimeout)) : RemainingOrDilated(max);

    private static TimeSpan PollDelay(TimeSpan? interval, Deadline deadline)
    {
        var wanted = interval ?? DefaultPollInterval;
        var remaining = deadline.Remaining;
        return remaining != Timeout.InfiniteTimeSpan && remaining < wanted ? remaining : wanted;
    }
}
