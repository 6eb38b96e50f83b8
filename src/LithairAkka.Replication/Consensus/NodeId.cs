namespace LithairAkka.Replication.Consensus;

/// <summary>
/// The stable identity of a server in the consensus protocol (the node's <c>--node-id</c>). Absence of a node
/// (no leader known, no vote cast) is expressed as <c>null</c> (<see cref="Nullable{T}"/>), never as a sentinel value.
/// </summary>
/// <param name="Value">The node number; any value, unique within the cluster.</param>
public readonly record struct NodeId(long Value) : IComparable<NodeId>
{
    /// <inheritdoc />
    public int CompareTo(NodeId other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => "n" + Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Orders two ids by value.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><c>true</c> when <paramref name="left"/> sorts before <paramref name="right"/>.</returns>
    public static bool operator <(NodeId left, NodeId right) => left.Value < right.Value;

    /// <summary>Orders two ids by value.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><c>true</c> when <paramref name="left"/> sorts after <paramref name="right"/>.</returns>
    public static bool operator >(NodeId left, NodeId right) => left.Value > right.Value;

    /// <summary>Orders two ids by value.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><c>true</c> when <paramref name="left"/> sorts before or equals <paramref name="right"/>.</returns>
    public static bool operator <=(NodeId left, NodeId right) => left.Value <= right.Value;

    /// <summary>Orders two ids by value.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><c>true</c> when <paramref name="left"/> sorts after or equals <paramref name="right"/>.</returns>
    public static bool operator >=(NodeId left, NodeId right) => left.Value >= right.Value;
}
