namespace LithairAkka.Persistence.Log;

/// <summary>
/// The numbers that decide whether an operation on a group is valid: compaction point, last entry and hard state.
/// Both stores keep one per group and validate through <see cref="LogRules"/>, so they enforce identical rules.
/// </summary>
internal struct GroupBounds
{
    public long CompactedIndex;
    public long CompactedTerm;
    public long LastIndex;
    public long LastTerm;
    public HardState HardState;

    public readonly LogGroupInfo ToInfo(long groupId) =>
        new(groupId, CompactedIndex + 1, LastIndex, LastTerm, CompactedIndex, CompactedTerm, HardState);
}
