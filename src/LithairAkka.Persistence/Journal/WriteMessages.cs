using LithairAkka.Actors;

namespace LithairAkka.Persistence;

/// <summary>
/// Request to a journal: store <paramref name="Messages"/> of one persistent actor. The journal answers
/// <paramref name="PersistentActor"/> first with <see cref="WriteMessagesSuccessful"/> or
/// <see cref="WriteMessagesFailed"/>, then once per event (<see cref="WriteMessageSuccess"/>,
/// <see cref="WriteMessageRejected"/> or <see cref="WriteMessageFailure"/>) and per looped message
/// (<see cref="LoopMessageSuccess"/>), in request order, each sent with the event's original sender.
/// </summary>
/// <param name="Messages">Atomic writes and looped messages, in the order the actor issued them.</param>
/// <param name="PersistentActor">Where the answers go.</param>
/// <param name="ActorInstanceId">The incarnation of the actor; answers carry it back so that a restarted actor ignores stale ones.</param>
public sealed record WriteMessages(IReadOnlyList<IPersistentEnvelope> Messages, IActorRef PersistentActor, int ActorInstanceId);
