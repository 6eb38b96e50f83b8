using System.Collections.Immutable;
using static LithairAkka.Cluster.Tests.TestNodes;

namespace LithairAkka.Cluster.Tests;

/// <summary>
/// Generates gossips that could all occur in one cluster history: every node follows one lifecycle path and every
/// observer one sequence of reachability changes; each gossip has seen a prefix of each. A node that reached Removed
/// is absent with a tombstone. Every gossip knows every node (joined or tombstoned).
/// </summary>
internal sealed class GossipGenerator
{
    private static readonly MemberStatus[][] Paths =
    [
        [MemberStatus.Joining, MemberStatus.Up, MemberStatus.Leaving, MemberStatus.Exiting, MemberStatus.Removed],
        [MemberStatus.Joining, MemberStatus.WeaklyUp, MemberStatus.Up, MemberStatus.Down, MemberStatus.Removed],
        [MemberStatus.Joining, MemberStatus.Up, MemberStatus.Down, MemberStatus.Removed],
        [MemberStatus.Joining, MemberStatus.Down, MemberStatus.Removed],
        [MemberStatus.Joining, MemberStatus.WeaklyUp, MemberStatus.Leaving, MemberStatus.Exiting, MemberStatus.Down, MemberStatus.Removed],
        [MemberStatus.Joining, MemberStatus.Up],
        [MemberStatus.Joining, MemberStatus.Up, MemberStatus.Leaving],
    ];

    private static readonly ReachabilityStatus[] Changes =
        [ReachabilityStatus.Unreachable, ReachabilityStatus.Unreachable, ReachabilityStatus.Reachable, ReachabilityStatus.Terminated];

    private readonly int _nodeCount;
    private readonly MemberStatus[][] _paths;
    private readonly (int Subject, ReachabilityStatus Status)[][] _changes;
    private readonly string[][] _roles;

    public GossipGenerator(Random random, int minNodes = 2, int maxNodes = 7)
    {
        _nodeCount = random.Next(minNodes, maxNodes + 1);
        _paths = [.. Enumerable.Range(0, _nodeCount).Select(_ => random.Pick(Paths))];
        _roles = [.. Enumerable.Range(0, _nodeCount).Select(_ => random.Chance(0.5) ? new[] { "r" + random.Next(2) } : [])];
        _changes = [.. Enumerable.Range(0, _nodeCount).Select(_ => Enumerable.Range(0, random.Next(0, 6))
            .Select(__ => (random.Next(_nodeCount), random.Pick(Changes))).ToArray())];
    }

    public int NodeCount => _nodeCount;

    public Gossip Next(Random random)
    {
        var members = new List<Member>();
        var tombstones = ImmutableDictionary<UniqueAddress, long>.Empty;
        for (var i = 0; i < _nodeCount; i++)
        {
            var status = _paths[i][random.Next(_paths[i].Length)];
            if (status == MemberStatus.Removed)
            {
                tombstones = tombstones.Add(Node(i), 1000 + i);
                continue;
            }

            var upNumber = status is MemberStatus.Joining or MemberStatus.WeaklyUp ? int.MaxValue : 10 + i;
            members.Add(Member.Create(Node(i), upNumber, status, _roles[i]));
        }

        var reachability = Reachability.Empty;
        for (var observer = 0; observer < _nodeCount; observer++)
        {
            var prefix = random.Next(_changes[observer].Length + 1);
            foreach (var (subject, status) in _changes[observer].Take(prefix))
            {
                if (subject == observer)
                {
                    continue;
                }

                reachability = status switch
                {
                    ReachabilityStatus.Unreachable => reachability.Unreachable(Node(observer), Node(subject)),
                    ReachabilityStatus.Reachable => reachability.Reachable(Node(observer), Node(subject)),
                    _ => reachability.Terminated(Node(observer), Node(subject)),
                };
            }
        }

        reachability = reachability.Remove(tombstones.Keys);
        var version = VectorClock.Empty;
        foreach (var member in members)
        {
            for (var t = random.Next(3); t > 0; t--)
            {
                version = version.Increment(Gossip.VectorClockName(member.UniqueAddress));
            }
        }

        var seen = members.Where(_ => random.Chance(0.5)).Select(m => m.UniqueAddress).ToImmutableHashSet();
        return new Gossip(members, new GossipOverview(seen, reachability), version, tombstones);
    }

    /// <summary>Members as (node, status, up-number) for structural comparison.</summary>
    public static string Describe(Gossip gossip) =>
        string.Join(";", gossip.Members.Select(m => $"{m.UniqueAddress}:{m.Status}:{m.UpNumber}"))
        + " | " + string.Join(";", gossip.Tombstones.OrderBy(t => t.Key).Select(t => $"{t.Key}={t.Value}"));
}
