namespace LithairAkka.Persistence.Log;

/// <summary>The kinds of record a <see cref="FileLogStore"/> frame holds.</summary>
internal enum RecordType : byte
{
    /// <summary>A log entry: index, term, kind byte and payload.</summary>
    Entry = 1,

    /// <summary>Removal of a group's entries from an index on.</summary>
    Truncate = 2,

    /// <summary>A group's new hard state.</summary>
    HardState = 3,

    /// <summary>Removal of a group's entries up to an index, behind a snapshot.</summary>
    Compact = 4,

    /// <summary>A group's compaction point and hard state, repeated at the start of every segment.</summary>
    GroupState = 5,
}
