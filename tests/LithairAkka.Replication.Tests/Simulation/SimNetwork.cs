using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Tests.Simulation;

/// <summary>
/// The simulated wire: every message is delayed, and may be dropped, duplicated or held back long (reordering).
/// Partitions blackhole traffic between two sides in both directions, on send and on delivery. All randomness comes
/// from the simulation's seeded source.
/// </summary>
internal sealed class SimNetwork
{
    private readonly PriorityQueue<SimEnvelope, (long, long)> _inFlight = new();
    private readonly HashSet<(NodeId, NodeId)> _blocked = [];
    private readonly Random _random;
    private long _sequence;

    public SimNetwork(Random random) => _random = random;

    public double DropRate { get; set; }

    public double DuplicateRate { get; set; }

    public int MaxDelay { get; set; } = 1;

    public double LongDelayRate { get; set; }

    public int LongDelay { get; set; } = 1;

    public int InFlight => _inFlight.Count;

    public bool IsPartitioned => _blocked.Count > 0;

    public bool Blocks(NodeId from, NodeId to) => _blocked.Contains((from, to));

    /// <summary>Cuts every link between <paramref name="side"/> and the other nodes, both ways.</summary>
    public void Partition(IReadOnlyCollection<NodeId> side, IEnumerable<NodeId> all)
    {
        foreach (var other in all.Where(n => !side.Contains(n)))
        {
            foreach (var node in side)
            {
                _blocked.Add((node, other));
                _blocked.Add((other, node));
            }
        }
    }

    public void Heal() => _blocked.Clear();

    /// <summary>Puts a message on the wire at step <paramref name="now"/>; returns false when it was lost at once.</summary>
    public bool Send(long now, RaftMessage message, AppliedRecord[]? snapshot, int? reportTo)
    {
        if (Blocks(message.From, message.To) || _random.NextDouble() < DropRate)
        {
            return false;
        }

        Enqueue(now, message, snapshot, reportTo);
        if (_random.NextDouble() < DuplicateRate)
        {
            Enqueue(now, message, snapshot, null);
        }

        return true;
    }

    /// <summary>Takes the next envelope due at or before <paramref name="now"/>.</summary>
    public bool TryTakeDue(long now, out SimEnvelope envelope)
    {
        if (_inFlight.TryPeek(out var next, out _) && next.DeliverAt <= now)
        {
            envelope = _inFlight.Dequeue();
            return true;
        }

        envelope = null!;
        return false;
    }

    private void Enqueue(long now, RaftMessage message, AppliedRecord[]? snapshot, int? reportTo)
    {
        var delay = _random.NextDouble() < LongDelayRate ? _random.Next(1, LongDelay + 1) : _random.Next(1, MaxDelay + 1);
        var envelope = new SimEnvelope(now + delay, _sequence++, message, snapshot, reportTo);
        _inFlight.Enqueue(envelope, (envelope.DeliverAt, envelope.Sequence));
    }
}
