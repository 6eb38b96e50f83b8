namespace LithairAkka.Cluster;

/// <summary>What a <see cref="DowningStrategy"/> decided, as Akka's split-brain resolver decisions.</summary>
public enum DowningDecision
{
    /// <summary>Down the unreachable nodes: this side survives.</summary>
    DownUnreachable,

    /// <summary>Down the reachable nodes, including this one: this side shuts down.</summary>
    DownReachable,

    /// <summary>Down every node.</summary>
    DownAll,

    /// <summary>
    /// Down the indirectly connected nodes (seen unreachable by some, yet still reachable through others), plus what
    /// the strategy decides for the rest once their mutual observations are ignored.
    /// </summary>
    DownIndirectlyConnected,

    /// <summary>The reverse of <see cref="DownIndirectlyConnected"/>: down the indirectly connected and the reachable nodes.</summary>
    ReverseDownIndirectlyConnected,
}
