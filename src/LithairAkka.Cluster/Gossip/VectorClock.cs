using System.Collections.Immutable;
using System.Text;

namespace LithairAkka.Cluster;

/// <summary>
/// A vector clock: a counter per node name, versioning the gossip so that two states can be told apart as
/// before, after, the same or concurrent (Lamport; Fidge and Mattern). Immutable and thread-safe; every operation
/// returns a new clock. Nodes are named by <see cref="Gossip.VectorClockName"/>.
/// </summary>
public sealed partial class VectorClock : IEquatable<VectorClock>
{
    private VectorClock(ImmutableSortedDictionary<string, long> versions)
    {
        Versions = versions;
    }

    /// <summary>The clock with no entries.</summary>
    public static VectorClock Empty { get; } = new(ImmutableSortedDictionary.Create<string, long>(StringComparer.Ordinal));

    /// <summary>The counter of every node that ticked, ordered by node name.</summary>
    public ImmutableSortedDictionary<string, long> Versions { get; }

    /// <summary>A clock with the given counters (e.g. decoded from the wire).</summary>
    /// <param name="versions">Node name to counter; counters must be positive.</param>
    /// <returns>The clock.</returns>
    /// <exception cref="ArgumentException">A counter is zero or negative.</exception>
    public static VectorClock Create(IEnumerable<KeyValuePair<string, long>> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        foreach (var (node, counter) in versions)
        {
            if (counter <= 0)
            {
                throw new ArgumentException($"Vector clock counter of '{node}' must be positive, was {counter}.", nameof(versions));
            }

            builder[node] = counter;
        }

        return builder.Count == 0 ? Empty : new VectorClock(builder.ToImmutable());
    }

    /// <summary>This clock with <paramref name="node"/>'s counter increased by one.</summary>
    /// <param name="node">The node that changed the state.</param>
    /// <returns>The new clock.</returns>
    public VectorClock Increment(string node)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        return new VectorClock(Versions.SetItem(node, Versions.GetValueOrDefault(node) + 1));
    }

    /// <summary>The smallest clock after or the same as both clocks: the maximum counter of every node.</summary>
    /// <param name="that">The other clock.</param>
    /// <returns>The merged clock.</returns>
    public VectorClock Merge(VectorClock that)
    {
        ArgumentNullException.ThrowIfNull(that);
        var merged = Versions.ToBuilder();
        var changed = false;
        foreach (var (node, counter) in that.Versions)
        {
            if (counter > merged.GetValueOrDefault(node))
            {
                merged[node] = counter;
                changed = true;
            }
        }

        return changed ? new VectorClock(merged.ToImmutable()) : this;
    }

    /// <summary>This clock without <paramref name="removedNode"/>'s entry (after the node left the cluster).</summary>
    /// <param name="removedNode">The node name.</param>
    /// <returns>The pruned clock, or this instance when the node has no entry.</returns>
    public VectorClock Prune(string removedNode) =>
        Versions.ContainsKey(removedNode) ? new VectorClock(Versions.Remove(removedNode)) : this;

    /// <summary>True when both clocks have the same counters.</summary>
    /// <param name="other">The other clock.</param>
    public bool Equals(VectorClock? other) =>
        other is not null && (ReferenceEquals(this, other) || (Versions.Count == other.Versions.Count
            && Versions.All(p => other.Versions.TryGetValue(p.Key, out var c) && c == p.Value)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is VectorClock other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (node, counter) in Versions)
        {
            hash.Add(node, StringComparer.Ordinal);
            hash.Add(counter);
        }

        return hash.ToHashCode();
    }

    /// <summary>Formats as <c>VectorClock(node -> counter, …)</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder("VectorClock(");
        builder.AppendJoin(", ", Versions.Select(p => $"{p.Key} -> {p.Value}"));
        return builder.Append(')').ToString();
    }
}
