namespace LithairAkka.Replication.StateMachines;

/// <summary>The answer to a read.</summary>
/// <param name="Result">The state machine's answer.</param>
/// <param name="AppliedIndex">The applied index the answer reflects.</param>
public sealed record QueryResult(object Result, long AppliedIndex);
