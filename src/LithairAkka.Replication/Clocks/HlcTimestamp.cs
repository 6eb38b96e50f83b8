using System.Globalization;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Clocks;

/// <summary>
/// A hybrid logical clock timestamp (Kulkarni et al., "Logical Physical Clocks", 2014): wall-clock milliseconds, a
/// logical counter that orders events within one millisecond (or while the wall clock lags a timestamp already seen),
/// and the node that issued it as the final tie-break. Ordered by (physical, logical, node): if event a happened
/// before event b, a's timestamp is smaller. Every replicated entry carries one, returned to the client that wrote it.
/// </summary>
/// <param name="PhysicalMs">Milliseconds since the Unix epoch (the largest wall-clock time seen).</param>
/// <param name="Logical">Counter within <paramref name="PhysicalMs"/>.</param>
/// <param name="Node">The issuing node.</param>
public readonly record struct HlcTimestamp(long PhysicalMs, int Logical, NodeId Node) : IComparable<HlcTimestamp>
{
    /// <inheritdoc />
    public int CompareTo(HlcTimestamp other)
    {
        var physical = PhysicalMs.CompareTo(other.PhysicalMs);
        if (physical != 0)
        {
            return physical;
        }

        var logical = Logical.CompareTo(other.Logical);
        return logical != 0 ? logical : Node.CompareTo(other.Node);
    }

    /// <summary>Whether <paramref name="left"/> orders before <paramref name="right"/>.</summary>
    public static bool operator <(HlcTimestamp left, HlcTimestamp right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> orders after <paramref name="right"/>.</summary>
    public static bool operator >(HlcTimestamp left, HlcTimestamp right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> orders before or equals <paramref name="right"/>.</summary>
    public static bool operator <=(HlcTimestamp left, HlcTimestamp right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> orders after or equals <paramref name="right"/>.</summary>
    public static bool operator >=(HlcTimestamp left, HlcTimestamp right) => left.CompareTo(right) >= 0;

    /// <summary><c>physical.logical@node</c>, e.g. <c>1763772000123.2@n1</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{PhysicalMs}.{Logical}@{Node}");
}
