using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Tests.Simulation;

/// <summary>Calm periods: every fault healed, the group must make progress within a bound.</summary>
internal sealed partial class Simulation
{
    private void RunCalmPeriod(int cycle)
    {
        _chaos = false;
        Network.Heal();
        Network.DropRate = 0;
        Network.DuplicateRate = 0;
        Network.LongDelayRate = 0;
        Network.MaxDelay = Math.Min(Settings.MaxDelay, 3);
        foreach (var node in _nodes)
        {
            node.PendingCrash = CrashPoint.None;
            if (!node.IsAlive)
            {
                node.Start(new Random(_random.Next()));
                node.AfterInput();
            }
        }

        var healedAt = Now;
        var deadline = Now + ((long)Settings.LivenessBoundTicks * Settings.StepsPerTick);
        (SimNode Node, int Incarnation, long Term, long Id)? marker = null;
        (SimNode Node, int Incarnation, long Term, long Id)? read = null;
        while (Now < deadline)
        {
            Step();
            var leader = CurrentLeader();
            if (marker is { } m && Checker.AcknowledgedProposals.Contains(m.Id))
            {
                if (read is { } r && Checker.CompletedReads.Contains(r.Id))
                {
                    Trace($"calm period {cycle}: write and read served {(Now - healedAt) / Settings.StepsPerTick} ticks after healing");
                    return;
                }

                if (leader is not null && (read is not { } pending || IsStale(pending)))
                {
                    var id = _nextReadId++;
                    Checker.OnReadIssued(id);
                    leader.Core!.ReadIndex(id);
                    read = (leader, leader.Incarnation, leader.Core.Term, id);
                    leader.AfterInput();
                }

                continue;
            }

            if (leader is not null && (marker is not { } previous || IsStale(previous)))
            {
                var id = _nextProposalId++;
                if (leader.Propose(id).IsAccepted)
                {
                    marker = (leader, leader.Incarnation, leader.Core!.Term, id);
                }
            }
        }

        throw new SimulationViolationException(
            isLiveness: true,
            $"liveness: {Settings.LivenessBoundTicks} ticks after healing (calm period {cycle}) " +
            (marker is null ? "no leader could take a write" : read is null ? "no write was committed" : "no linearizable read was served"));
    }

    /// <summary>Whether the node a request went to lost the leadership it had, so the client retries elsewhere.</summary>
    private static bool IsStale((SimNode Node, int Incarnation, long Term, long Id) request) =>
        request.Node.Incarnation != request.Incarnation
        || request.Node.Core is not { Role: NodeRole.Leader } core
        || core.Term != request.Term;
}
