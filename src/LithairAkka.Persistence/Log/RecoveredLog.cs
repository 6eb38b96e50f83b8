namespace LithairAkka.Persistence.Log;

/// <summary>What <see cref="LogRecovery"/> hands to a new <see cref="FileLogStore"/>.</summary>
/// <param name="Segments">Open segments, oldest first; the last one is the active one.</param>
/// <param name="Groups">The rebuilt index.</param>
/// <param name="NextFrameSequence">Number of the next frame to write.</param>
/// <param name="CheckpointUsed">Whether a checkpoint shortened the replay.</param>
/// <param name="Prepared">An empty segment made ahead of use, to take over when the active one is full.</param>
internal sealed record RecoveredLog(
    List<SegmentFile> Segments,
    Dictionary<long, GroupLog> Groups,
    long NextFrameSequence,
    bool CheckpointUsed,
    SegmentFile? Prepared);
