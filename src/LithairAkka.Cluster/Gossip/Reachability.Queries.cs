using System.Collections.Immutable;
using System.Text;

namespace LithairAkka.Cluster;

/// <summary>Queries over the table; computed once per instance and cached.</summary>
public sealed partial class Reachability
{
    /// <summary>True when no observer has a record, i.e. every node is reachable.</summary>
    public bool IsAllReachable => Records.IsEmpty;

    /// <summary>Subjects some observer sees as unreachable and none as terminated.</summary>
    public ImmutableHashSet<UniqueAddress> AllUnreachable => _cache.Value.AllUnreachable;

    /// <summary>Subjects some observer sees as unreachable or terminated.</summary>
    public ImmutableHashSet<UniqueAddress> AllUnreachableOrTerminated => _cache.Value.AllUnreachableOrTerminated;

    /// <summary>Every observer that currently has a record (an observer whose subjects are all reachable has none).</summary>
    public ImmutableHashSet<UniqueAddress> AllObservers => _cache.Value.ObserverRows.Keys.ToImmutableHashSet();

    /// <summary>For every subject seen unreachable, the observers that see it so.</summary>
    public ImmutableDictionary<UniqueAddress, ImmutableHashSet<UniqueAddress>> ObserversGroupedByUnreachable =>
        Records.Where(r => r.Status == ReachabilityStatus.Unreachable)
            .GroupBy(r => r.Subject)
            .ToImmutableDictionary(g => g.Key, g => g.Select(r => r.Observer).ToImmutableHashSet());

    /// <summary>How <paramref name="observer"/> sees <paramref name="subject"/> (Reachable when it has no record).</summary>
    /// <param name="observer">The observing node.</param>
    /// <param name="subject">The observed node.</param>
    public ReachabilityStatus Status(UniqueAddress observer, UniqueAddress subject) =>
        ObserverRows(observer) is { } rows && rows.TryGetValue(subject, out var record) ? record.Status : ReachabilityStatus.Reachable;

    /// <summary>The aggregated status of <paramref name="node"/>: Terminated, else Unreachable, else Reachable.</summary>
    /// <param name="node">The node.</param>
    public ReachabilityStatus Status(UniqueAddress node)
    {
        var cache = _cache.Value;
        if (cache.AllTerminated.Contains(node))
        {
            return ReachabilityStatus.Terminated;
        }

        return cache.AllUnreachable.Contains(node) ? ReachabilityStatus.Unreachable : ReachabilityStatus.Reachable;
    }

    /// <summary>True when no observer sees <paramref name="node"/> as unreachable or terminated.</summary>
    /// <param name="node">The node.</param>
    public bool IsReachable(UniqueAddress node) => IsAllReachable || !AllUnreachableOrTerminated.Contains(node);

    /// <summary>True when <paramref name="observer"/> sees <paramref name="subject"/> as reachable.</summary>
    /// <param name="observer">The observing node.</param>
    /// <param name="subject">The observed node.</param>
    public bool IsReachable(UniqueAddress observer, UniqueAddress subject) => Status(observer, subject) == ReachabilityStatus.Reachable;

    /// <summary>The subjects <paramref name="observer"/> sees as unreachable (not terminated).</summary>
    /// <param name="observer">The observing node.</param>
    public ImmutableHashSet<UniqueAddress> AllUnreachableFrom(UniqueAddress observer) =>
        ObserverRows(observer) is { } rows
            ? rows.Values.Where(r => r.Status == ReachabilityStatus.Unreachable).Select(r => r.Subject).ToImmutableHashSet()
            : [];

    /// <summary>The records written by <paramref name="observer"/>.</summary>
    /// <param name="observer">The observing node.</param>
    public ImmutableList<Record> RecordsFrom(UniqueAddress observer) =>
        ObserverRows(observer) is { } rows ? [.. rows.Values] : [];

    /// <summary>True when both tables hold the same records and versions, in any order.</summary>
    /// <param name="other">The other table.</param>
    public bool Equals(Reachability? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return Records.Count == other.Records.Count
            && Versions.Count == other.Versions.Count
            && Versions.All(p => other.Versions.TryGetValue(p.Key, out var v) && v == p.Value)
            && Records.All(r => other.ObserverRows(r.Observer) is { } rows && rows.TryGetValue(r.Subject, out var o) && o == r);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Reachability other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var (observer, version) in Versions)
        {
            hash ^= HashCode.Combine(observer, version);
        }

        return hash;
    }

    /// <summary>Lists every record as <c>[observer -> subject: status (version)]</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder("Reachability(");
        builder.AppendJoin(", ", Records.Select(r => $"[{r.Observer} -> {r.Subject}: {r.Status} ({r.Version})]"));
        return builder.Append(')').ToString();
    }

    private sealed class Cache
    {
        public Cache(ImmutableList<Record> records)
        {
            var rows = new Dictionary<UniqueAddress, ImmutableDictionary<UniqueAddress, Record>.Builder>();
            var terminated = ImmutableHashSet.CreateBuilder<UniqueAddress>();
            var unreachable = ImmutableHashSet.CreateBuilder<UniqueAddress>();
            foreach (var record in records)
            {
                if (!rows.TryGetValue(record.Observer, out var row))
                {
                    row = ImmutableDictionary.CreateBuilder<UniqueAddress, Record>();
                    rows.Add(record.Observer, row);
                }

                row[record.Subject] = record;
                if (record.Status == ReachabilityStatus.Unreachable)
                {
                    unreachable.Add(record.Subject);
                }
                else if (record.Status == ReachabilityStatus.Terminated)
                {
                    terminated.Add(record.Subject);
                }
            }

            ObserverRows = rows.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutable());
            AllTerminated = terminated.ToImmutable();
            AllUnreachable = unreachable.ToImmutable().Except(AllTerminated);
            AllUnreachableOrTerminated = AllTerminated.IsEmpty ? AllUnreachable : AllUnreachable.Union(AllTerminated);
        }

        public ImmutableDictionary<UniqueAddress, ImmutableDictionary<UniqueAddress, Record>> ObserverRows { get; }

        public ImmutableHashSet<UniqueAddress> AllTerminated { get; }

        public ImmutableHashSet<UniqueAddress> AllUnreachable { get; }

        public ImmutableHashSet<UniqueAddress> AllUnreachableOrTerminated { get; }
    }
}
