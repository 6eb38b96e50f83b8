namespace LithairAkka.Replication.Consensus;

/// <summary>What became of a request made to a core (proposal, read, transfer).</summary>
public enum RaftRequestStatus
{
    /// <summary>Accepted; its outcome comes through later Ready batches.</summary>
    Accepted = 0,

    /// <summary>A read was forwarded to the leader; its <see cref="ReadState"/> comes if the leader answers.</summary>
    Forwarded = 1,

    /// <summary>This node is not the leader; the result names the leader when one is known.</summary>
    NotLeader = 2,

    /// <summary>The leader is handing over leadership and takes no new proposal until the transfer ends.</summary>
    LeadershipTransferInProgress = 3,

    /// <summary>
    /// A membership change cannot start yet: the previous one is not committed, or the leader has not committed an
    /// entry of its own term (Raft thesis §4.1, the fix to single-server changes).
    /// </summary>
    ConfigChangeInProgress = 4,

    /// <summary>The membership change does not apply to the current configuration.</summary>
    InvalidConfigChange = 5,

    /// <summary>The transfer target is not a voter of the group.</summary>
    InvalidTarget = 6,
}
