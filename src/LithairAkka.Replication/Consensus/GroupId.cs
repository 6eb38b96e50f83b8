namespace LithairAkka.Replication.Consensus;

/// <summary>
/// Identifies one replication group. A node runs one <see cref="RaftCore"/> per group it belongs to, and every
/// consensus message names the group it belongs to so a node can route it to the right core.
/// </summary>
/// <param name="Value">The group number; any value, chosen by the sharding layer.</param>
public readonly record struct GroupId(long Value)
{
    /// <inheritdoc />
    public override string ToString() => "g" + Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
