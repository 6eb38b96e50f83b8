namespace LithairAkka.Persistence;

/// <summary>
/// The last answer to a successful <see cref="ReplayMessages"/>: every requested event was sent.
/// <paramref name="HighestSequenceNr"/> is the highest sequence number ever stored for the persistence id (also when
/// the replay was bounded, and also after deletions), or 0 when nothing was.
/// </summary>
/// <param name="HighestSequenceNr">The highest stored sequence number.</param>
public sealed record RecoverySuccess(long HighestSequenceNr);
