namespace LithairAkka.Replication.Snapshots;

/// <summary>What a follower made of one snapshot chunk.</summary>
public enum SnapshotChunkStatus
{
    /// <summary>Stored or skipped; the transfer continues from the outcome's next offset.</summary>
    Continue = 0,

    /// <summary>The last chunk arrived and the snapshot decoded.</summary>
    Complete = 1,

    /// <summary>The chunk belongs to no transfer this node holds, or the assembled bytes are corrupt: start over from offset 0.</summary>
    Rejected = 2,
}
