namespace LithairAkka.Cluster.Tests;

/// <summary>Tests that run several clustered actor systems in this process: one at a time, so that their timing is
/// not distorted by each other on a small machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MultiNodeCollection
{
    public const string Name = "Multi-node cluster";
}
