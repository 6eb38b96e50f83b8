namespace LithairAkka.Persistence;

/// <summary>
/// How a persistent actor recovers: from the youngest snapshot matching <paramref name="FromSnapshot"/>, then the
/// events after it up to <paramref name="ToSequenceNr"/>, at most <paramref name="ReplayMax"/> of them. Immutable.
/// </summary>
/// <param name="FromSnapshot">Which snapshots may be used (<see cref="SnapshotSelectionCriteria.None"/> for none).</param>
/// <param name="ToSequenceNr">The last event to replay (inclusive).</param>
/// <param name="ReplayMax">The most events to replay.</param>
public sealed record Recovery(SnapshotSelectionCriteria FromSnapshot, long ToSequenceNr = long.MaxValue, long ReplayMax = long.MaxValue)
{
    /// <summary>The youngest snapshot, then every later event.</summary>
    public static Recovery Default { get; } = new(SnapshotSelectionCriteria.Latest);

    /// <summary>
    /// No snapshot and no event: the actor starts from an empty state, but learns the highest stored sequence number
    /// so that new events continue after it.
    /// </summary>
    public static Recovery None { get; } = new(SnapshotSelectionCriteria.None, 0, 0);
}
