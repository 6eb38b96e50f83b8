namespace LithairAkka.Cluster;

/// <summary>How a received gossip related to the local one (Akka's <c>ReceiveGossipType</c>).</summary>
public enum ReceiveGossipType
{
    /// <summary>Not applied: meant for another incarnation, from an unknown or unreachable node, or without this node.</summary>
    Ignored,

    /// <summary>The received gossip was older; the local one is kept and sent back.</summary>
    Older,

    /// <summary>The received gossip was newer and replaces the local one.</summary>
    Newer,

    /// <summary>Same version; the seen sets are merged.</summary>
    Same,

    /// <summary>Concurrent versions; the gossips were merged.</summary>
    Merge,
}
