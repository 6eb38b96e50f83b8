using LithairAkka.Actors;
using Kit = LithairAkka.TestKit.Xunit2.TestKit;

namespace LithairAkka.Cluster.Tests;

/// <summary>
/// Samples the membership every node of a partitioned cluster sees, and fails if at any moment two disjoint groups
/// of running nodes each saw themselves Up and reachable as a majority of the original cluster.
/// </summary>
internal sealed class SplitBrainChecker(IReadOnlyList<Kit> nodes)
{
    private readonly List<string> _violations = [];

    public IDisposable Start() => new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));

    public void AssertNeverTwoMajorities()
    {
        Sample();
        lock (_violations)
        {
            Assert.Empty(_violations);
        }
    }

    private void Sample()
    {
        var majority = (nodes.Count / 2) + 1;
        var views = new List<HashSet<Address>>();
        foreach (var node in nodes.Where(n => !n.Sys.WhenTerminated.IsCompleted))
        {
            var state = ClusterNodes.ClusterOf(node).State;
            var reachableUp = state.Members
                .Where(m => m.Status == MemberStatus.Up && !state.Unreachable.Contains(m))
                .Select(m => m.Address)
                .ToHashSet();
            if (reachableUp.Count >= majority && reachableUp.Contains(ClusterNodes.AddressOf(node)))
            {
                views.Add(reachableUp);
            }
        }

        // Two majorities of the same cluster always share a node; two disjoint ones mean a split brain.
        if (views.Any(a => views.Any(b => !a.Overlaps(b))))
        {
            lock (_violations)
            {
                _violations.Add(string.Join(" | ", views.Select(v => string.Join(",", v))));
            }
        }
    }
}
