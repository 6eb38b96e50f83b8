using LithairAkka.Remote;

namespace LithairAkka.Cluster.Tests;

/// <summary>A detector whose verdict the test sets.</summary>
internal sealed class StubFailureDetector : IFailureDetector
{
    public bool IsAvailable { get; set; } = true;

    public bool IsMonitoring { get; private set; }

    public int Heartbeats { get; private set; }

    public void Heartbeat()
    {
        IsMonitoring = true;
        Heartbeats++;
    }
}
