namespace LithairAkka.Persistence;

/// <summary>
/// Selects snapshots by sequence number and timestamp bounds (all inclusive). Used to pick the snapshot a recovery
/// starts from (the youngest match) and the snapshots to delete. Immutable.
/// </summary>
/// <param name="MaxSequenceNr">Highest sequence number a snapshot may have.</param>
/// <param name="MaxTimestamp">Latest time a snapshot may have been taken (UTC).</param>
/// <param name="MinSequenceNr">Lowest sequence number a snapshot may have.</param>
/// <param name="MinTimestamp">Earliest time a snapshot may have been taken (UTC), or null for no bound.</param>
public sealed record SnapshotSelectionCriteria(long MaxSequenceNr, DateTime MaxTimestamp, long MinSequenceNr = 0, DateTime? MinTimestamp = null)
{
    /// <summary>Every snapshot: recovery starts from the youngest one.</summary>
    public static SnapshotSelectionCriteria Latest { get; } = new(long.MaxValue, DateTime.MaxValue);

    /// <summary>No snapshot: recovery replays every event.</summary>
    public static SnapshotSelectionCriteria None { get; } = new(0, DateTime.MinValue);

    /// <summary>Criteria with <see cref="MaxSequenceNr"/> lowered to <paramref name="toSequenceNr"/> when that is smaller.</summary>
    public SnapshotSelectionCriteria Limit(long toSequenceNr) =>
        toSequenceNr < MaxSequenceNr ? this with { MaxSequenceNr = toSequenceNr } : this;

    /// <summary>Whether the snapshot described by <paramref name="metadata"/> matches.</summary>
    public bool IsMatch(SnapshotMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.SequenceNr <= MaxSequenceNr
            && metadata.Timestamp <= MaxTimestamp
            && metadata.SequenceNr >= MinSequenceNr
            && (MinTimestamp is not { } min || metadata.Timestamp >= min);
    }
}
