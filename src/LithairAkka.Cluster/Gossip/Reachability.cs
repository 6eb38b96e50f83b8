using System.Collections.Immutable;

namespace LithairAkka.Cluster;

/// <summary>
/// Who sees whom as unreachable: records of (observer, subject, status, version), as Akka's <c>Reachability</c>.
/// Only an observer changes its own records, and each change bumps the observer's version, so the newest rows of an
/// observer win when two tables merge. A subject's aggregated status is Terminated if any observer says so, else
/// Unreachable if any observer says so, else Reachable. An observer whose subjects are all reachable again has no
/// records left (only its version). Immutable and thread-safe; every change returns a new table.
/// </summary>
public sealed partial class Reachability : IEquatable<Reachability>
{
    private readonly Lazy<Cache> _cache;

    /// <summary>Creates a table from its records and observer versions (e.g. decoded from the wire).</summary>
    /// <param name="records">At most one record per (observer, subject).</param>
    /// <param name="versions">The latest version of every observer.</param>
    public Reachability(ImmutableList<Record> records, ImmutableDictionary<UniqueAddress, long> versions)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(versions);
        Records = records;
        Versions = versions;
        _cache = new Lazy<Cache>(() => new Cache(records));
    }

    /// <summary>The table where every node is reachable.</summary>
    public static Reachability Empty { get; } = new([], ImmutableDictionary<UniqueAddress, long>.Empty);

    /// <summary>Every record.</summary>
    public ImmutableList<Record> Records { get; }

    /// <summary>The latest change counter of every observer.</summary>
    public ImmutableDictionary<UniqueAddress, long> Versions { get; }

    /// <summary>The table with <paramref name="observer"/> seeing <paramref name="subject"/> as unreachable.</summary>
    /// <param name="observer">The observing node.</param>
    /// <param name="subject">The observed node.</param>
    /// <returns>The updated table (this instance when nothing changes).</returns>
    public Reachability Unreachable(UniqueAddress observer, UniqueAddress subject) => Change(observer, subject, ReachabilityStatus.Unreachable);

    /// <summary>The table with <paramref name="observer"/> seeing <paramref name="subject"/> as reachable again.</summary>
    /// <param name="observer">The observing node.</param>
    /// <param name="subject">The observed node.</param>
    /// <returns>The updated table (this instance when nothing changes).</returns>
    public Reachability Reachable(UniqueAddress observer, UniqueAddress subject) => Change(observer, subject, ReachabilityStatus.Reachable);

    /// <summary>The table with <paramref name="observer"/> seeing <paramref name="subject"/> as terminated (final).</summary>
    /// <param name="observer">The observing node.</param>
    /// <param name="subject">The observed node.</param>
    /// <returns>The updated table (this instance when nothing changes).</returns>
    public Reachability Terminated(UniqueAddress observer, UniqueAddress subject) => Change(observer, subject, ReachabilityStatus.Terminated);

    /// <summary>
    /// Merges two tables, keeping for every allowed observer the rows of the table where its version is higher (the
    /// other's on a tie), restricted to allowed subjects. Observers and subjects outside
    /// <paramref name="allowed"/> (removed nodes) disappear. Commutative, associative and idempotent for tables
    /// whose observer rows come from one history per observer.
    /// </summary>
    /// <param name="allowed">The current members.</param>
    /// <param name="other">The other table.</param>
    /// <returns>The merged table.</returns>
    public Reachability Merge(IEnumerable<UniqueAddress> allowed, Reachability other)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        ArgumentNullException.ThrowIfNull(other);
        var allowedSet = allowed as ISet<UniqueAddress> ?? allowed.ToHashSet();
        var records = ImmutableList.CreateBuilder<Record>();
        var versions = ImmutableDictionary.CreateBuilder<UniqueAddress, long>();
        foreach (var observer in allowedSet)
        {
            var version1 = CurrentVersion(observer);
            var version2 = other.CurrentVersion(observer);
            var rows1 = ObserverRows(observer);
            var rows2 = other.ObserverRows(observer);
            var rows = (rows1, rows2) switch
            {
                (not null, not null) => version1 > version2 ? rows1 : rows2,
                (not null, null) => version1 > version2 ? rows1 : null,
                (null, not null) => version2 > version1 ? rows2 : null,
                _ => null,
            };

            if (rows is not null)
            {
                records.AddRange(rows.Values.Where(r => allowedSet.Contains(r.Subject)));
            }

            var version = Math.Max(version1, version2);
            if (version > 0)
            {
                versions[observer] = version;
            }
        }

        return new Reachability(records.ToImmutable(), versions.ToImmutable());
    }

    /// <summary>The table without any record of, or by, <paramref name="nodes"/> (removed members).</summary>
    /// <param name="nodes">The nodes to forget.</param>
    /// <returns>The reduced table.</returns>
    public Reachability Remove(IEnumerable<UniqueAddress> nodes)
    {
        var set = nodes.ToHashSet();
        if (set.Count == 0)
        {
            return this;
        }

        return new Reachability(Records.RemoveAll(r => set.Contains(r.Observer) || set.Contains(r.Subject)), Versions.RemoveRange(set));
    }

    /// <summary>The table without the observations of <paramref name="nodes"/> (e.g. downed members).</summary>
    /// <param name="nodes">The observers to ignore.</param>
    /// <returns>The reduced table, or this instance when <paramref name="nodes"/> is empty.</returns>
    public Reachability RemoveObservers(IReadOnlySet<UniqueAddress> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        return nodes.Count == 0 ? this : new Reachability(Records.RemoveAll(r => nodes.Contains(r.Observer)), Versions.RemoveRange(nodes));
    }

    /// <summary>The table keeping only the records matching <paramref name="predicate"/>; versions are kept.</summary>
    /// <param name="predicate">Which records to keep.</param>
    /// <returns>The filtered table.</returns>
    public Reachability FilterRecords(Func<Record, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new Reachability(Records.RemoveAll(r => !predicate(r)), Versions);
    }

    private long CurrentVersion(UniqueAddress observer) => Versions.GetValueOrDefault(observer);

    private ImmutableDictionary<UniqueAddress, Record>? ObserverRows(UniqueAddress observer) =>
        _cache.Value.ObserverRows.GetValueOrDefault(observer);

    private Reachability Change(UniqueAddress observer, UniqueAddress subject, ReachabilityStatus status)
    {
        ArgumentNullException.ThrowIfNull(observer);
        ArgumentNullException.ThrowIfNull(subject);
        var version = CurrentVersion(observer) + 1;
        var newVersions = Versions.SetItem(observer, version);
        var newRecord = new Record(observer, subject, status, version);
        var rows = ObserverRows(observer);
        if (rows is null)
        {
            return status == ReachabilityStatus.Reachable ? this : new Reachability(Records.Add(newRecord), newVersions);
        }

        if (!rows.TryGetValue(subject, out var oldRecord))
        {
            if (status == ReachabilityStatus.Reachable && rows.Values.All(r => r.Status == ReachabilityStatus.Reachable))
            {
                return new Reachability(Records.RemoveAll(r => r.Observer.Equals(observer)), newVersions);
            }

            return new Reachability(Records.Add(newRecord), newVersions);
        }

        if (oldRecord.Status == ReachabilityStatus.Terminated || oldRecord.Status == status)
        {
            return this;
        }

        if (status == ReachabilityStatus.Reachable
            && rows.Values.All(r => r.Status == ReachabilityStatus.Reachable || r.Subject.Equals(subject)))
        {
            // Everything this observer watches is reachable again: its rows go, only its version stays.
            return new Reachability(Records.RemoveAll(r => r.Observer.Equals(observer)), newVersions);
        }

        return new Reachability(Records.Replace(oldRecord, newRecord), newVersions);
    }
}
