using System.Globalization;

namespace LithairAkka.Remote.Transport.FaultInjection;

/// <summary>
/// The faults applied to traffic with one peer: an optional blackhole, an optional random drop fraction
/// (seeded, so a run is repeatable for a single sender), and an optional fixed delay of outbound frames.
/// Immutable; <see cref="FaultInjector"/> replaces the rule when it changes. Only data frames are affected:
/// handshakes and the TCP connections themselves are left alone.
/// </summary>
public sealed class FaultRule
{
    private readonly Random? _random;
    private readonly Lock _randomGate = new();

    internal FaultRule(FaultDirection? blackhole, double dropFraction, FaultDirection dropDirection, int dropSeed, TimeSpan delay, Random? random)
    {
        Blackhole = blackhole;
        DropFraction = dropFraction;
        DropDirection = dropDirection;
        DropSeed = dropSeed;
        Delay = delay;
        _random = random;
    }

    /// <summary>Blackholed direction, or null when the peer is not blackholed.</summary>
    public FaultDirection? Blackhole { get; }

    /// <summary>Fraction (0 to 1) of frames dropped at random in <see cref="DropDirection"/>; 0 when off.</summary>
    public double DropFraction { get; }

    /// <summary>Direction of <see cref="DropFraction"/>.</summary>
    public FaultDirection DropDirection { get; }

    /// <summary>The seed of the drop sampler.</summary>
    public int DropSeed { get; }

    /// <summary>Fixed delay added to every frame sent to the peer; zero when off.</summary>
    public TimeSpan Delay { get; }

    /// <summary>Describes the rule, for logs and the HTTP routes.</summary>
    public override string ToString()
    {
        var parts = new List<string>(3);
        if (Blackhole is { } direction)
        {
            parts.Add($"blackhole {direction.ToString().ToLowerInvariant()}");
        }

        if (DropFraction > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"drop {DropFraction:0.###} {DropDirection.ToString().ToLowerInvariant()} (seed {DropSeed})"));
        }

        if (Delay > TimeSpan.Zero)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"delay {Delay.TotalMilliseconds:0.###}ms"));
        }

        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    internal FaultRule WithBlackhole(FaultDirection? direction) => new(direction, DropFraction, DropDirection, DropSeed, Delay, _random);

    internal FaultRule WithDelay(TimeSpan delay) => new(Blackhole, DropFraction, DropDirection, DropSeed, delay, _random);

    internal static FaultRule Empty { get; } = new(null, 0, FaultDirection.Both, 0, TimeSpan.Zero, null);

    internal FaultRule WithDrop(double fraction, FaultDirection direction, int seed) =>
        new(Blackhole, fraction, direction, seed, Delay, fraction > 0 ? new Random(seed) : null);

    /// <summary>True when the frame must vanish; samples the drop rng once when a drop fraction applies.</summary>
    internal bool ShouldDrop(bool outbound)
    {
        if (Blackhole is { } hole && Covers(hole, outbound))
        {
            return true;
        }

        if (_random is null || !Covers(DropDirection, outbound))
        {
            return false;
        }

        lock (_randomGate)
        {
            return _random.NextDouble() < DropFraction;
        }
    }

    /// <summary>True when frames in that direction are blackholed (no sampling).</summary>
    internal bool IsBlackholed(bool outbound) => Blackhole is { } hole && Covers(hole, outbound);

    internal bool IsEmpty => Blackhole is null && DropFraction <= 0 && Delay <= TimeSpan.Zero;

    private static bool Covers(FaultDirection direction, bool outbound) =>
        direction == FaultDirection.Both || (direction == FaultDirection.Send) == outbound;
}
