namespace LithairAkka.Chaos.Tests.Cluster;

/// <summary>
/// Tests that start a real cluster of node processes: they run alone, never beside the other tests of the assembly,
/// because on a 2-core machine a parallel test would starve the nodes' heartbeats and turn the run into a different test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "real cluster";
}
