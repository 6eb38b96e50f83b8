using LithairAkka.Actors;

namespace LithairAkka.Replication.StateMachines;

/// <summary>Run a read-only query against the current state; <paramref name="ReplyTo"/> receives a <see cref="QueryResult"/>.</summary>
/// <param name="Query">The state machine's query object.</param>
/// <param name="ReplyTo">Who receives the answer.</param>
public sealed record QueryStateMachine(object Query, IActorRef ReplyTo);
