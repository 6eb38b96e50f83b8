namespace LithairAkka.Replication.Consensus;

/// <summary>The single-server membership changes the core supports (Raft thesis §4.1).</summary>
public enum ConfigChangeKind : byte
{
    /// <summary>Adds a node that receives the log but neither votes nor counts towards a quorum.</summary>
    AddLearner = 1,

    /// <summary>Turns a learner into a voter. Promote only a learner that has caught up, or the group may stall.</summary>
    PromoteLearner = 2,

    /// <summary>Removes a voter or a learner. A leader that removes itself steps down once the change is committed.</summary>
    RemoveNode = 3,
}
