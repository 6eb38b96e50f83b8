using System.Diagnostics;
using System.Globalization;

namespace LithairAkka.Cluster.NodeHost;

/// <summary>
/// Failure-detection time: SIGKILL one node of an N-node cluster of processes, then the time until every survivor
/// has printed <c>UnreachableMember</c> for it (detection), and until every survivor has removed it (the split-brain
/// resolver's <c>stable-after</c> plus the leader's removal).
/// </summary>
internal static class DetectionBenchmark
{
    public static async Task<int> RunAsync(HostArguments options)
    {
        var count = options.Number("nodes", 5);
        var trials = options.Number("trials", 5);
        var profile = options.Text("profile", "default");
        var timeout = TimeSpan.FromSeconds(90);
        List<double> detected = [], removed = [];
        for (var trial = 1; trial <= trials; trial++)
        {
            await using var cluster = await ClusterOfChildren.StartAsync(count, timeout, "--profile", profile).ConfigureAwait(false);
            var victim = cluster.Nodes[^1];
            var survivors = cluster.Nodes.Take(count - 1).ToList();
            var killedAt = Stopwatch.GetTimestamp();
            victim.Kill();
            var unreachable = await ClusterOfChildren.AwaitEverywhereAsync(survivors, "UnreachableMember", victim, timeout).ConfigureAwait(false);
            var gone = await ClusterOfChildren.AwaitEverywhereAsync(survivors, "MemberRemoved", victim, timeout).ConfigureAwait(false);
            detected.Add(Stopwatch.GetElapsedTime(killedAt, unreachable.Max(e => e.Timestamp)).TotalMilliseconds);
            removed.Add(Stopwatch.GetElapsedTime(killedAt, gone.Max(e => e.Timestamp)).TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trial {trial}: unreachable everywhere after {detected[^1]:F0} ms, removed everywhere after {removed[^1]:F0} ms"));
        }

        Console.WriteLine($"profile {profile}, {count} nodes, {trials} trials: detection median {ClusterOfChildren.Median(detected)}, removal median {ClusterOfChildren.Median(removed)}");
        return 0;
    }
}
