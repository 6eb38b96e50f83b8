namespace LithairAkka.Replication.Tests.Simulation;

/// <summary>Where in the processing of its next Ready a node armed to crash dies.</summary>
internal enum CrashPoint
{
    None,

    /// <summary>Nothing of the Ready reaches the disk.</summary>
    BeforePersist,

    /// <summary>The Ready is durable but none of its messages leave.</summary>
    AfterPersist,

    /// <summary>Persisted and sent, but not applied nor advanced.</summary>
    AfterSend,
}
