namespace LithairAkka.Replication.Consensus;

/// <summary>A request to change the membership of a group by one server.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Node">The server it concerns.</param>
public readonly record struct ConfigChange(ConfigChangeKind Kind, NodeId Node)
{
    /// <summary>A change that adds <paramref name="node"/> as a learner.</summary>
    /// <param name="node">The node to add.</param>
    /// <returns>The change.</returns>
    public static ConfigChange AddLearner(NodeId node) => new(ConfigChangeKind.AddLearner, node);

    /// <summary>A change that turns the learner <paramref name="node"/> into a voter.</summary>
    /// <param name="node">The learner to promote.</param>
    /// <returns>The change.</returns>
    public static ConfigChange PromoteLearner(NodeId node) => new(ConfigChangeKind.PromoteLearner, node);

    /// <summary>A change that removes <paramref name="node"/> from the group.</summary>
    /// <param name="node">The node to remove.</param>
    /// <returns>The change.</returns>
    public static ConfigChange RemoveNode(NodeId node) => new(ConfigChangeKind.RemoveNode, node);
}
