namespace LithairAkka.Remote.Tests.Support;

/// <summary>Tests that run several actor systems (or processes) on loopback: one at a time, so their timing is not
/// distorted by each other on a small machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MultiNodeCollection
{
    public const string Name = "Multi-node remoting";
}
