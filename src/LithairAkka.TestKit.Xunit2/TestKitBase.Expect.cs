using LithairAkka.Actors;

namespace LithairAkka.TestKit;

/// <summary>Message expectations.</summary>
public abstract partial class TestKitBase
{
    /// <summary>Receives one message and asserts it is a <typeparamref name="T"/>.</summary>
    /// <param name="duration">Timeout (dilated); null: the remaining Within time or <c>single-expect-default</c>.</param>
    /// <param name="hint">Added to the failure message.</param>
    public T ExpectMsg<T>(TimeSpan? duration = null, string? hint = null) => Check<T>(ReceiveFor<T>(duration, hint), hint);

    /// <summary>Receives one message and asserts it equals <paramref name="message"/>.</summary>
    public T ExpectMsg<T>(T message, TimeSpan? duration = null, string? hint = null)
    {
        var received = ExpectMsg<T>(duration, hint);
        if (!Equals(received, message))
        {
            Fail($"Expected message {Format(message)} but received {Format(received)}{Hint(hint)}");
        }

        return received;
    }

    /// <summary>Receives one message and asserts it is a <typeparamref name="T"/> satisfying <paramref name="isMessage"/>.</summary>
    public T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? duration = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var received = ExpectMsg<T>(duration, hint);
        if (!isMessage(received))
        {
            Fail($"Received message {Format(received)} did not match the predicate{Hint(hint)}");
        }

        return received;
    }

    /// <summary>Receives one message, asserts it is a <typeparamref name="T"/> and runs <paramref name="assert"/> on it.</summary>
    public T ExpectMsg<T>(Action<T> assert, TimeSpan? duration = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(assert);
        var received = ExpectMsg<T>(duration, hint);
        assert(received);
        return received;
    }

    /// <summary>Receives one message from <paramref name="sender"/> of type <typeparamref name="T"/>.</summary>
    public T ExpectMsgFrom<T>(IActorRef sender, TimeSpan? duration = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var received = ExpectMsg<T>(duration, hint);
        if (!LastSender.Equals(sender))
        {
            Fail($"Expected a message from {sender} but it came from {LastSender}{Hint(hint)}");
        }

        return received;
    }

    /// <summary>Receives one message and asserts it equals one of <paramref name="messages"/>.</summary>
    public T ExpectMsgAnyOf<T>(params T[] messages) => ExpectMsgAnyOf((IEnumerable<T>)messages);

    /// <summary>Receives one message and asserts it equals one of <paramref name="messages"/>.</summary>
    public T ExpectMsgAnyOf<T>(IEnumerable<T> messages, TimeSpan? duration = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var candidates = messages.ToArray();
        var received = ExpectMsg<T>(duration);
        if (!candidates.Any(m => Equals(m, received)))
        {
            Fail($"Expected any of [{string.Join(", ", candidates.Select(m => Format(m)))}] but received {Format(received)}");
        }

        return received;
    }

    /// <summary>Receives as many messages as given and asserts they are exactly <paramref name="messages"/>, in any order.</summary>
    public IReadOnlyList<T> ExpectMsgAllOf<T>(params T[] messages) => ExpectMsgAllOf<T>((IReadOnlyCollection<T>)messages, null);

    /// <summary>Receives as many messages as given and asserts they are exactly <paramref name="messages"/>, in any order.</summary>
    public IReadOnlyList<T> ExpectMsgAllOf<T>(IReadOnlyCollection<T> messages, TimeSpan? duration)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var received = ReceiveN(messages.Count, duration).ToArray();
        var missing = messages.ToList();
        var unexpected = new List<object>();
        foreach (var message in received)
        {
            var index = missing.FindIndex(m => Equals(m, message));
            if (index >= 0)
            {
                missing.RemoveAt(index);
            }
            else
            {
                unexpected.Add(message);
            }
        }

        if (missing.Count > 0 || unexpected.Count > 0)
        {
            Fail($"ExpectMsgAllOf: missing [{string.Join(", ", missing.Select(m => Format(m)))}], unexpected [{string.Join(", ", unexpected.Select(Format))}]");
        }

        return received.Cast<T>().ToArray();
    }

    /// <summary>Asserts that no message arrives within <paramref name="duration"/> (dilated).</summary>
    public void ExpectNoMsg(TimeSpan? duration = null, string? hint = null)
    {
        var timeout = RemainingOrDilated(duration);
        if (_queue.TryTake(timeout, out var envelope))
        {
            Remember(envelope);
            Fail($"Expected no message but received {Format(envelope.Message)} from {envelope.Sender}{Hint(hint)}");
        }
    }

    /// <summary>Receives a <see cref="Terminated"/> for <paramref name="target"/> (watch it first with <see cref="Watch"/>).</summary>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var terminated = ExpectMsg<Terminated>(timeout, hint ?? $"Terminated of {target}");
        if (!terminated.ActorRef.Equals(target))
        {
            Fail($"Expected Terminated of {target} but received Terminated of {terminated.ActorRef}{Hint(hint)}");
        }

        return terminated;
    }

    /// <summary>Async <see cref="ExpectMsg{T}(TimeSpan?, string?)"/>.</summary>
    public async Task<T> ExpectMsgAsync<T>(TimeSpan? duration = null, string? hint = null, CancellationToken token = default) =>
        Check<T>(await ReceiveForAsync<T>(duration, hint, token).ConfigureAwait(false), hint);

    /// <summary>Async <see cref="ExpectMsg{T}(T, TimeSpan?, string?)"/>.</summary>
    public async Task<T> ExpectMsgAsync<T>(T message, TimeSpan? duration = null, string? hint = null, CancellationToken token = default)
    {
        var received = await ExpectMsgAsync<T>(duration, hint, token).ConfigureAwait(false);
        if (!Equals(received, message))
        {
            Fail($"Expected message {Format(message)} but received {Format(received)}{Hint(hint)}");
        }

        return received;
    }

    /// <summary>Async <see cref="ExpectMsg{T}(Predicate{T}, TimeSpan?, string?)"/>.</summary>
    public async Task<T> ExpectMsgAsync<T>(Predicate<T> isMessage, TimeSpan? duration = null, string? hint = null, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var received = await ExpectMsgAsync<T>(duration, hint, token).ConfigureAwait(false);
        if (!isMessage(received))
        {
            Fail($"Received message {Format(received)} did not match the predicate{Hint(hint)}");
        }

        return received;
    }

    /// <summary>Async <see cref="ExpectNoMsg"/>.</summary>
    public async Task ExpectNoMsgAsync(TimeSpan? duration = null, string? hint = null, CancellationToken token = default)
    {
        var (taken, envelope) = await _queue.TryTakeAsync(RemainingOrDilated(duration), token).ConfigureAwait(false);
        if (taken)
        {
            Remember(envelope);
            Fail($"Expected no message but received {Format(envelope.Message)} from {envelope.Sender}{Hint(hint)}");
        }
    }

    private MessageEnvelope ReceiveFor<T>(TimeSpan? duration, string? hint)
    {
        var timeout = RemainingOrDilated(duration);
        if (!_queue.TryTake(timeout, out var envelope))
        {
            Fail($"Timeout ({timeout}) while waiting for message of type {typeof(T).Name}{Hint(hint)}");
        }

        Remember(envelope);
        return envelope;
    }

    private async Task<MessageEnvelope> ReceiveForAsync<T>(TimeSpan? duration, string? hint, CancellationToken token)
    {
        var timeout = RemainingOrDilated(duration);
        var (taken, envelope) = await _queue.TryTakeAsync(timeout, token).ConfigureAwait(false);
        if (!taken)
        {
            Fail($"Timeout ({timeout}) while waiting for message of type {typeof(T).Name}{Hint(hint)}");
        }

        Remember(envelope);
        return envelope;
    }

    private static T Check<T>(MessageEnvelope envelope, string? hint)
    {
        if (envelope.Message is T typed)
        {
            return typed;
        }

        Fail($"Expected a message of type {typeof(T).Name} but received {Format(envelope.Message)} (type {envelope.Message.GetType().Name}) from {envelope.Sender}{Hint(hint)}");
        return default!;
    }

    private static string Hint(string? hint) => string.IsNullOrEmpty(hint) ? string.Empty : $" ({hint})";

    private static string Format(object? message) => message switch
    {
        null => "null",
        string s => $"\"{s}\"",
        _ => $"{{{message}}}",
    };
}
