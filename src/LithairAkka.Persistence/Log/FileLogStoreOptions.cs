namespace LithairAkka.Persistence.Log;

/// <summary>Settings of a <see cref="FileLogStore"/>; immutable once built.</summary>
public sealed record FileLogStoreOptions
{
    /// <summary>Default largest entry payload: 16 MiB.</summary>
    public const int DefaultMaxEntryPayloadBytes = 16 << 20;

    /// <summary>Creates options for a store in <paramref name="directory"/>, with every other setting at its default.</summary>
    /// <param name="directory">Directory that holds the segment files; created when missing.</param>
    public FileLogStoreOptions(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
    }

    /// <summary>Directory that holds the segment files, used by one store at a time (a lock file enforces it).</summary>
    public string Directory { get; }

    /// <summary>Size at which the active segment is sealed and a new one started. Default 64 MiB.</summary>
    public long SegmentSize { get; init; } = 64L << 20;

    /// <summary>
    /// Whether segment files are written full of zeros ahead of use (in the background). Overwriting allocated blocks
    /// lets <c>fdatasync</c> skip the file-size and block-allocation metadata that appending forces it to write,
    /// which roughly doubles the flush rate on ext4. Default on.
    /// </summary>
    public bool PreallocateSegments { get; init; } = true;

    /// <summary>Largest accepted entry payload. Default 16 MiB.</summary>
    public int MaxEntryPayloadBytes { get; init; } = DefaultMaxEntryPayloadBytes;

    /// <summary>
    /// Bytes after which a group-commit round stops taking more queued operations (they go in the next round), so a
    /// burst does not add unbounded latency to the callers at its head. Default 4 MiB; one operation is always taken.
    /// </summary>
    public int MaxRoundBytes { get; init; } = 4 << 20;

    /// <summary>
    /// Log bytes written between two checkpoints of the in-memory index. A checkpoint is also written when segments
    /// are deleted and at a clean shutdown. Default 256 MiB; 0 turns periodic checkpoints off.
    /// </summary>
    public long CheckpointIntervalBytes { get; init; } = 256L << 20;

    /// <summary>
    /// Whether opening verifies the checksum of every record, also those a checkpoint covers. Default on: a corrupt
    /// entry anywhere stops the open. Off, opening reads only the checkpoint and the records after it (fast for huge
    /// logs); a corrupt entry is then found when it is read.
    /// </summary>
    public bool VerifyChecksumsOnOpen { get; init; } = true;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(SegmentSize, 64L * 1024, nameof(SegmentSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SegmentSize, 1L << 30, nameof(SegmentSize));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxEntryPayloadBytes, nameof(MaxEntryPayloadBytes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxEntryPayloadBytes, 256 << 20, nameof(MaxEntryPayloadBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRoundBytes, 4096, nameof(MaxRoundBytes));
        ArgumentOutOfRangeException.ThrowIfNegative(CheckpointIntervalBytes, nameof(CheckpointIntervalBytes));
    }
}
