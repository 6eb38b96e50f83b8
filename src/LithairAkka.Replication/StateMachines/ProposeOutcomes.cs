namespace LithairAkka.Replication.StateMachines;

/// <summary>The write was committed and applied.</summary>
/// <param name="Result">The state machine's encoded result.</param>
/// <param name="Index">The entry's log index.</param>
/// <param name="Term">The entry's term.</param>
/// <param name="Duplicate"><see langword="true"/> when this was a retry answered from the deduplication table.</param>
public sealed record ProposeSucceeded(ReadOnlyMemory<byte> Result, long Index, long Term, bool Duplicate = false);

/// <summary>The write was stored durably by the leader (<c>write-consistency = async</c>); it is not applied yet.</summary>
/// <param name="Index">The entry's log index.</param>
/// <param name="Term">The entry's term.</param>
public sealed record ProposeDurable(long Index, long Term);

/// <summary>The write failed or its outcome is unknown (the leader stepped down before it committed).</summary>
/// <param name="Reason">Why.</param>
/// <param name="OutcomeUnknown"><see langword="true"/> when the write may still commit.</param>
public sealed record ProposeFailed(string Reason, bool OutcomeUnknown);
