using BenchmarkDotNet.Configs;

namespace LithairAkka.Benchmarks.Persistence;

/// <summary>Adds the Events/s column to the persistence benchmarks.</summary>
internal sealed class PersistenceBenchmarkConfig : ManualConfig
{
    public PersistenceBenchmarkConfig()
    {
        AddColumn(new ThroughputColumn());
    }
}
