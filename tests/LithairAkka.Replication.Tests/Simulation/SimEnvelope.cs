using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Tests.Simulation;

/// <summary>A message on the simulated wire.</summary>
/// <param name="DeliverAt">The step it arrives at.</param>
/// <param name="Sequence">Tie-breaker, so delivery order is fully determined.</param>
/// <param name="Message">The message.</param>
/// <param name="Snapshot">For an <see cref="InstallSnapshotRequest"/>, the snapshot data travelling with it.</param>
/// <param name="ReportTo">For the original copy of a snapshot request: the sender's incarnation to report the outcome to.</param>
internal sealed record SimEnvelope(
    long DeliverAt,
    long Sequence,
    RaftMessage Message,
    AppliedRecord[]? Snapshot,
    int? ReportTo);
