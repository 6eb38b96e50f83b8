using LithairAkka.TestKit.Internal;

namespace LithairAkka.TestKit;

/// <summary>Receiving without type expectations.</summary>
public abstract partial class TestKitBase
{
    /// <summary>Receives one message, or null on timeout (no failure).</summary>
    public object? ReceiveOne(TimeSpan? max = null)
    {
        if (_queue.TryTake(RemainingOrDilated(max), out var envelope))
        {
            Remember(envelope);
            return envelope.Message;
        }

        return null;
    }

    /// <summary>Receives <paramref name="count"/> messages within <paramref name="max"/> (in total).</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? max = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var timeout = RemainingOrDilated(max);
        var deadline = Deadline.After(timeout);
        var result = new List<object>(count);
        while (result.Count < count)
        {
            if (!_queue.TryTake(deadline.Remaining, out var envelope))
            {
                Fail($"Timeout ({timeout}) while waiting for {count} messages (received {result.Count})");
            }

            Remember(envelope);
            result.Add(envelope.Message);
        }

        return result;
    }

    /// <summary>Async <see cref="ReceiveN"/>.</summary>
    public async Task<IReadOnlyList<object>> ReceiveNAsync(int count, TimeSpan? max = null, CancellationToken token = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var timeout = RemainingOrDilated(max);
        var deadline = Deadline.After(timeout);
        var result = new List<object>(count);
        while (result.Count < count)
        {
            var (taken, envelope) = await _queue.TryTakeAsync(deadline.Remaining, token).ConfigureAwait(false);
            if (!taken)
            {
                Fail($"Timeout ({timeout}) while waiting for {count} messages (received {result.Count})");
            }

            Remember(envelope);
            result.Add(envelope.Message);
        }

        return result;
    }

    /// <summary>Receives messages, skipping those <paramref name="isMessage"/> rejects, until one is accepted.</summary>
    public object FishForMessage(Predicate<object> isMessage, TimeSpan? max = null, string? hint = null) =>
        FishForMessage<object>(isMessage, max, hint);

    /// <summary>Receives messages, skipping all but <typeparamref name="T"/>s that <paramref name="isMessage"/> accepts.</summary>
    public T FishForMessage<T>(Predicate<T> isMessage, TimeSpan? max = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var timeout = RemainingOrDilated(max);
        var deadline = Deadline.After(timeout);
        while (true)
        {
            if (!_queue.TryTake(deadline.Remaining, out var envelope))
            {
                Fail($"Timeout ({timeout}) while fishing for a message of type {typeof(T).Name}{Hint(hint)}");
            }

            Remember(envelope);
            if (envelope.Message is T typed && isMessage(typed))
            {
                return typed;
            }
        }
    }

    /// <summary>Async <see cref="FishForMessage{T}"/>.</summary>
    public async Task<T> FishForMessageAsync<T>(Predicate<T> isMessage, TimeSpan? max = null, string? hint = null, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var timeout = RemainingOrDilated(max);
        var deadline = Deadline.After(timeout);
        while (true)
        {
            var (taken, envelope) = await _queue.TryTakeAsync(deadline.Remaining, token).ConfigureAwait(false);
            if (!taken)
            {
                Fail($"Timeout ({timeout}) while fishing for a message of type {typeof(T).Name}{Hint(hint)}");
            }

            Remember(envelope);
            if (envelope.Message is T typed && isMessage(typed))
            {
                return typed;
            }
        }
    }

    /// <summary>Drops every message received so far.</summary>
    public void ClearQueue() => _queue.DrainAll();
}
