namespace LithairAkka.Replication.StateMachines;

/// <summary>
/// The answer (inside a <see cref="QueryResult"/>) to a query the state machine refused: one it does not know, or whose
/// bytes it could not decode. The state is unchanged. Immutable.
/// </summary>
/// <param name="Reason">Why, for the client.</param>
public sealed record QueryRejected(string Reason);
