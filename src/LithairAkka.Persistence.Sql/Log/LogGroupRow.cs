using LithairAkka.Persistence.Log;

namespace LithairAkka.Persistence.Sql.Log;

/// <summary>One row of the group table: a group's hard state and compaction point.</summary>
internal readonly record struct LogGroupRow(long GroupId, HardState HardState, long CompactedIndex, long CompactedTerm);
