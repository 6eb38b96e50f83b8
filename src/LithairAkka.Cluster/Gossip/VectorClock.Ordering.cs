namespace LithairAkka.Cluster;

/// <summary>Comparison of two clocks.</summary>
public sealed partial class VectorClock
{
    /// <summary>How one clock relates to another.</summary>
    public enum Ordering
    {
        /// <summary>Every counter is less than or equal to the other's, at least one strictly less.</summary>
        Before,

        /// <summary>Every counter is greater than or equal to the other's, at least one strictly greater.</summary>
        After,

        /// <summary>All counters are equal.</summary>
        Same,

        /// <summary>Some counters are greater and some are less: the histories diverged and must be merged.</summary>
        Concurrent,
    }

    /// <summary>How this clock relates to <paramref name="that"/> (this is Before, After, Same or Concurrent).</summary>
    /// <param name="that">The other clock.</param>
    /// <returns>The ordering of this clock relative to <paramref name="that"/>.</returns>
    public Ordering CompareTo(VectorClock that)
    {
        ArgumentNullException.ThrowIfNull(that);
        if (ReferenceEquals(this, that))
        {
            return Ordering.Same;
        }

        var less = false;
        var greater = false;
        foreach (var (node, counter) in Versions)
        {
            var other = that.Versions.GetValueOrDefault(node);
            less |= counter < other;
            greater |= counter > other;
        }

        foreach (var (node, counter) in that.Versions)
        {
            // Entries missing here count as 0.
            if (!Versions.ContainsKey(node))
            {
                less |= counter > 0;
            }
        }

        return (less, greater) switch
        {
            (false, false) => Ordering.Same,
            (true, false) => Ordering.Before,
            (false, true) => Ordering.After,
            _ => Ordering.Concurrent,
        };
    }

    /// <summary>True when this clock is strictly before <paramref name="that"/>.</summary>
    /// <param name="that">The other clock.</param>
    public bool IsBefore(VectorClock that) => CompareTo(that) == Ordering.Before;

    /// <summary>True when this clock is strictly after <paramref name="that"/>.</summary>
    /// <param name="that">The other clock.</param>
    public bool IsAfter(VectorClock that) => CompareTo(that) == Ordering.After;

    /// <summary>True when both clocks have the same counters.</summary>
    /// <param name="that">The other clock.</param>
    public bool IsSameAs(VectorClock that) => CompareTo(that) == Ordering.Same;

    /// <summary>True when neither clock is before the other.</summary>
    /// <param name="that">The other clock.</param>
    public bool IsConcurrentWith(VectorClock that) => CompareTo(that) == Ordering.Concurrent;
}
