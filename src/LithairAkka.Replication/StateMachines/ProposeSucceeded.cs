using LithairAkka.Replication.Clocks;

namespace LithairAkka.Replication.StateMachines;

/// <summary>The write was committed and applied.</summary>
/// <param name="Result">The state machine's encoded result.</param>
/// <param name="Index">The entry's log index.</param>
/// <param name="Term">The entry's term.</param>
/// <param name="Duplicate"><see langword="true"/> when this was a retry answered from the deduplication table.</param>
/// <param name="Timestamp">
/// The hybrid logical clock timestamp the leader stamped the entry with; <see langword="null"/> for a duplicate (the
/// deduplication table keeps results, not timestamps) and for entries written before timestamps existed.
/// </param>
public sealed record ProposeSucceeded(ReadOnlyMemory<byte> Result, long Index, long Term, bool Duplicate = false, HlcTimestamp? Timestamp = null);
