namespace LithairAkka.Replication.Consensus;

/// <summary>What a log entry carries.</summary>
public enum EntryKind : byte
{
    /// <summary>A client command for the state machine; the payload is opaque to the core.</summary>
    Normal = 0,

    /// <summary>The empty entry a new leader appends at the start of its term (Raft §8); the state machine skips it.</summary>
    NoOp = 1,

    /// <summary>A membership change; the payload is a <see cref="ConfigChangeEntry"/>. The state machine skips it.</summary>
    ConfigChange = 2,
}
