namespace LithairAkka.Persistence.Tests.Log;

/// <summary>Runs the process-killing test alone: it is timing-sensitive and uses both cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CrashTestCollection
{
    public const string Name = "log store crash";
}
