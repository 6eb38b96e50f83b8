namespace LithairAkka.Replication.Consensus;

/// <summary>
/// Describes a snapshot of the state machine: the last entry it includes and the membership in force at that entry.
/// The snapshot data itself never passes through the core; the host stores and transfers it.
/// </summary>
/// <param name="Term">The term of the entry at <paramref name="Index"/>.</param>
/// <param name="Index">The last log index the snapshot includes.</param>
/// <param name="Configuration">The configuration in force at <paramref name="Index"/>.</param>
public sealed record SnapshotMetadata(long Term, long Index, Configuration Configuration)
{
    /// <summary>
    /// The metadata a brand-new group starts from: nothing applied yet, the initial membership given by the operator.
    /// </summary>
    /// <param name="configuration">The group's first configuration.</param>
    /// <returns>Metadata at index 0, term 0.</returns>
    public static SnapshotMetadata Initial(Configuration configuration) => new(0, 0, configuration);
}
