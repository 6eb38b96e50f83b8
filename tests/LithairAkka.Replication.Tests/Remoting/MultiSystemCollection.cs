namespace LithairAkka.Replication.Tests.Remoting;

/// <summary>Tests that run several remoting actor systems on loopback: one at a time, so elections are not distorted
/// by other tests competing for the CPU.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MultiSystemCollection
{
    public const string Name = "Replication over remoting";
}
