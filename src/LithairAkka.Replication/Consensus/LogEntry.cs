namespace LithairAkka.Replication.Consensus;

/// <summary>
/// One entry of the replicated log. Two entries with the same <see cref="Index"/> and <see cref="Term"/> are the same
/// entry on every node (Raft's Log Matching property), so a host may identify an entry by that pair.
/// </summary>
/// <param name="Term">The term of the leader that created the entry.</param>
/// <param name="Index">The entry's position in the log, starting at 1.</param>
/// <param name="Kind">Whether it is a command, a leader's no-op or a membership change.</param>
/// <param name="Payload">The command bytes (opaque to the core); empty for <see cref="EntryKind.NoOp"/>. The core
/// never copies or mutates it: a host must not reuse the underlying buffer after proposing it.</param>
public readonly record struct LogEntry(long Term, long Index, EntryKind Kind, ReadOnlyMemory<byte> Payload)
{
    /// <summary>Bytes the core charges an entry against the per-message budget, beyond its payload.</summary>
    internal const int Overhead = 24;

    /// <summary>The number of bytes this entry counts for in <see cref="RaftOptions.MaxBytesPerMessage"/>.</summary>
    internal long Size => Payload.Length + Overhead;
}
