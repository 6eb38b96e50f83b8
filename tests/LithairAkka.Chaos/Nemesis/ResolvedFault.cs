namespace LithairAkka.Chaos.Nemesis;

/// <summary>A fault with its nodes chosen: who is killed, paused, or on which side of a partition.</summary>
/// <param name="Description">Readable form for the log.</param>
/// <param name="Killed">Nodes SIGKILLed (restarted on recovery).</param>
/// <param name="Paused">Nodes SIGSTOPped (resumed on recovery).</param>
/// <param name="SideA">One side of a partition, empty when none.</param>
/// <param name="SideB">The other side, empty when none.</param>
internal sealed record ResolvedFault(string Description, IReadOnlyList<int> Killed, IReadOnlyList<int> Paused, IReadOnlyList<int> SideA, IReadOnlyList<int> SideB)
{
    /// <summary>The node restarted with a skewed wall clock (it is down while it restarts), or <see langword="null"/>.</summary>
    public int? Skewed { get; init; }

    /// <summary>How far <see cref="Skewed"/>'s wall clock is moved.</summary>
    public TimeSpan SkewOffset { get; init; }

    /// <summary>
    /// Whether a majority stays up and connected: at most ⌊(n−1)/2⌋ nodes killed or paused, sides disjoint and
    /// holding live nodes only, and the smaller side a strict minority, so the other side with any bridge nodes
    /// (connected to everyone) holds a majority.
    /// </summary>
    /// <param name="nodes">Cluster size.</param>
    /// <returns><see langword="true"/> when safe.</returns>
    public bool KeepsMajority(int nodes)
    {
        var down = Killed.Concat(Paused).Concat(Skewed is { } skewed ? [skewed] : []).Distinct().Count();
        if (down > (nodes - 1) / 2)
        {
            return false;
        }

        if (SideA.Count == 0 && SideB.Count == 0)
        {
            return true;
        }

        var sides = SideA.Concat(SideB).ToList();
        return sides.Distinct().Count() == sides.Count
            && sides.All(n => n >= 0 && n < nodes)
            && down == 0
            && Math.Min(SideA.Count, SideB.Count) * 2 < nodes
            && SideA.Count > 0 && SideB.Count > 0;
    }
}
