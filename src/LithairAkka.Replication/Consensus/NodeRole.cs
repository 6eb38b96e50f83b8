namespace LithairAkka.Replication.Consensus;

/// <summary>The role a core plays in its group.</summary>
public enum NodeRole
{
    /// <summary>Accepts the leader's entries; campaigns when it stops hearing from one.</summary>
    Follower = 0,

    /// <summary>Asks whether it could win an election before disturbing anyone (the pre-vote round, Raft thesis §9.6).</summary>
    PreCandidate = 1,

    /// <summary>Has incremented its term and asks for votes.</summary>
    Candidate = 2,

    /// <summary>Replicates its log to the others and decides what is committed.</summary>
    Leader = 3,
}
