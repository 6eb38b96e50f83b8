namespace LithairAkka.Persistence;

/// <summary>
/// A persistent actor with Akka's function-style handlers: override <see cref="Eventsourced.ReceiveRecover"/> and
/// <see cref="Eventsourced.ReceiveCommand"/>, each returning whether it handled the message.
/// </summary>
public abstract class PersistentActor : Eventsourced
{
}
