using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Clocks;

/// <summary>
/// A hybrid logical clock for one node: <see cref="Now"/> issues strictly increasing timestamps close to the wall
/// clock; <see cref="Observe"/> folds in a timestamp issued elsewhere so that later local ones order after it. The
/// physical part never runs behind the wall clock and runs ahead of it only by how far the fastest clock seen ran
/// ahead; how much clocks may drift apart is bounded by <c>max-clock-drift</c>: a remote timestamp further ahead
/// of the local wall clock is not adopted (its counter is still honoured when equal). Not thread-safe: owned by
/// one actor.
/// </summary>
public sealed class HybridLogicalClock
{
    private readonly NodeId _node;
    private readonly TimeProvider _time;
    private readonly long _maxDriftMs;
    private long _physical;
    private int _logical;

    /// <summary>Creates the clock of <paramref name="node"/>.</summary>
    /// <param name="node">The node whose timestamps it issues.</param>
    /// <param name="time">The wall clock.</param>
    /// <param name="maxDrift">Largest lead of a remote clock adopted by <see cref="Observe"/>.</param>
    public HybridLogicalClock(NodeId node, TimeProvider time, TimeSpan maxDrift)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDrift, TimeSpan.Zero);
        _node = node;
        _time = time;
        _maxDriftMs = (long)maxDrift.TotalMilliseconds;
    }

    /// <summary>The latest timestamp issued or observed.</summary>
    public HlcTimestamp Latest => new(_physical, _logical, _node);

    /// <summary>Issues a timestamp greater than every one issued or observed before.</summary>
    public HlcTimestamp Now()
    {
        var wall = WallMs();
        if (wall > _physical)
        {
            _physical = wall;
            _logical = 0;
        }
        else
        {
            _logical = checked(_logical + 1);
        }

        return new HlcTimestamp(_physical, _logical, _node);
    }

    /// <summary>Folds in a timestamp received from another node (an applied entry, a message).</summary>
    /// <param name="remote">The timestamp seen.</param>
    /// <returns>Whether it was adopted; false when it leads the local wall clock by more than the drift bound.</returns>
    public bool Observe(HlcTimestamp remote)
    {
        var wall = WallMs();
        if (remote.PhysicalMs - wall > _maxDriftMs)
        {
            return false;
        }

        if (remote.PhysicalMs > _physical)
        {
            _physical = remote.PhysicalMs;
            _logical = remote.Logical;
        }
        else if (remote.PhysicalMs == _physical && remote.Logical > _logical)
        {
            _logical = remote.Logical;
        }

        return true;
    }

    private long WallMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();
}
