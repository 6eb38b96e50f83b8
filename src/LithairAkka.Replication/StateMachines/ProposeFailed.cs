namespace LithairAkka.Replication.StateMachines;

/// <summary>The write failed or its outcome is unknown (the leader stepped down before it committed).</summary>
/// <param name="Reason">Why.</param>
/// <param name="OutcomeUnknown"><see langword="true"/> when the write may still commit.</param>
public sealed record ProposeFailed(string Reason, bool OutcomeUnknown);
