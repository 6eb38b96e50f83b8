using LithairAkka.Actors;

namespace LithairAkka.TestKit;

/// <summary>
/// A second test actor with its own queue and the whole expectation API: give <see cref="Ref"/> to the actor under
/// test, then <c>probe.ExpectMsg&lt;T&gt;()</c>; <see cref="Reply"/> answers the last sender. It can also be used as an
/// <see cref="IActorRef"/> (messages go to <see cref="Ref"/>).
/// </summary>
public sealed class TestProbe : TestKitBase, IActorRef
{
    internal TestProbe(ActorSystem system, string? name)
        : base(system, name)
    {
    }

    /// <summary>The probe's actor.</summary>
    public IActorRef Ref => TestActor;

    /// <summary>The sender of the last received message.</summary>
    public IActorRef Sender => LastSender;

    /// <inheritdoc/>
    public ActorPath Path => TestActor.Path;

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> with the probe as sender.</summary>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, TestActor);
    }

    /// <summary>Answers the sender of the last received message, with the probe as sender.</summary>
    public void Reply(object message) => LastSender.Tell(message, TestActor);

    /// <summary>Forwards the last received message to <paramref name="target"/>, keeping its original sender.</summary>
    /// <exception cref="InvalidOperationException">When nothing was received yet.</exception>
    public void Forward(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(LastMessage ?? throw new InvalidOperationException("The probe has not received a message to forward."), LastSender);
    }

    /// <summary>Sends to the probe's actor.</summary>
    public void Tell(object message, IActorRef? sender) => TestActor.Tell(message, sender);

    /// <inheritdoc/>
    public bool Equals(IActorRef? other) => TestActor.Equals(other is TestProbe probe ? probe.TestActor : other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => TestActor.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(IActorRef? other) => TestActor.CompareTo(other);

    /// <inheritdoc/>
    public override string ToString() => $"TestProbe({TestActor.Path})";
}
