namespace LithairAkka.Cluster.MultiNode.Tests;

/// <summary>Deadlines of the multi-process tests: generous, because CI shares two cores among all the processes.</summary>
internal static class Timeouts
{
    /// <summary>Starting nodes and forming a cluster.</summary>
    public static readonly TimeSpan Form = TimeSpan.FromSeconds(60);

    /// <summary>Failure detection, downing and removal (fast profile: 1 s pause, 2 s stable-after).</summary>
    public static readonly TimeSpan Resolve = TimeSpan.FromSeconds(45);

    /// <summary>How long a node that must NOT get in is given to try.</summary>
    public static readonly TimeSpan Refused = TimeSpan.FromSeconds(8);
}
