using System.Globalization;

namespace LithairAkka.Cluster.NodeHost;

/// <summary>N <see cref="ChildNode"/>s forming one cluster: the first seeds itself, the others join it.</summary>
public sealed class ClusterOfChildren : IAsyncDisposable
{
    private ClusterOfChildren(List<ChildNode> nodes) => Nodes = nodes;

    /// <summary>The nodes, the seed first.</summary>
    public List<ChildNode> Nodes { get; }

    /// <summary>Starts <paramref name="count"/> nodes and waits until every node sees every node <c>Up</c>.</summary>
    /// <param name="count">How many nodes.</param>
    /// <param name="timeout">Bound for each wait.</param>
    /// <param name="extra">More arguments for every node, e.g. <c>--profile tuned</c>.</param>
    public static async Task<ClusterOfChildren> StartAsync(int count, TimeSpan timeout, params string[] extra)
    {
        var nodes = new List<ChildNode>();
        try
        {
            nodes.Add(await ChildNode.StartAsync(["--seeds", "self", .. extra], timeout).ConfigureAwait(false));
            var joiners = Enumerable.Range(1, count - 1)
                .Select(_ => ChildNode.StartAsync(["--seeds", nodes[0].Endpoint, .. extra], timeout));
            nodes.AddRange(await Task.WhenAll(joiners).ConfigureAwait(false));
            var cluster = new ClusterOfChildren(nodes);
            await cluster.AwaitAllUpAsync(timeout).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await Task.WhenAll(nodes.Select(n => n.DisposeAsync().AsTask())).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits until every live node has seen <c>MemberUp</c> for every live node; returns the latest timestamp.</summary>
    public Task<long> AwaitAllUpAsync(TimeSpan timeout) => AwaitAllUpAsync(Nodes, timeout);

    /// <summary>Waits until every live node of <paramref name="nodes"/> has seen <c>MemberUp</c> for every live one; returns the latest timestamp.</summary>
    public static async Task<long> AwaitAllUpAsync(IEnumerable<ChildNode> nodes, TimeSpan timeout)
    {
        var live = nodes.Where(n => !n.HasExited).ToList();
        var seen = await Task.WhenAll(live.SelectMany(observer => live.Select(member =>
            observer.AwaitEventAsync(e => e.Kind == "MemberUp" && e.Subject == member.Address, timeout)))).ConfigureAwait(false);
        return seen.Max(e => e.Timestamp);
    }

    /// <summary>Waits until every node in <paramref name="observers"/> prints an event of <paramref name="kind"/> about <paramref name="subject"/>.</summary>
    /// <returns>The events, one per observer.</returns>
    public static Task<NodeEvent[]> AwaitEverywhereAsync(IEnumerable<ChildNode> observers, string kind, ChildNode subject, TimeSpan timeout) =>
        Task.WhenAll(observers.Select(o => o.AwaitEventAsync(e => e.Kind == kind && e.Subject == subject.Address, timeout)));

    /// <summary>Median of a list of durations in milliseconds, formatted.</summary>
    public static string Median(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        var median = sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        return median.ToString("F0", CultureInfo.InvariantCulture) + " ms";
    }

    /// <summary>Stops every node (gracefully where it still runs).</summary>
    public async ValueTask DisposeAsync() =>
        await Task.WhenAll(Nodes.Select(n => n.DisposeAsync().AsTask())).ConfigureAwait(false);
}
