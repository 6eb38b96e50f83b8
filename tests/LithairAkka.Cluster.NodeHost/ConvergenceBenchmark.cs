using System.Diagnostics;
using System.Globalization;
using LithairAkka.Actors;
using LithairAkka.Hocon;

namespace LithairAkka.Cluster.NodeHost;

/// <summary>
/// Gossip convergence time: from the moment every member exists and has asked to join until every member sees every
/// member <c>Up</c>; for N node processes, then for M actor systems in this process.
/// </summary>
internal static class ConvergenceBenchmark
{
    public static async Task<int> RunAsync(HostArguments options)
    {
        var processes = options.Number("nodes", 5);
        var systems = options.Number("systems", 25);
        var trials = options.Number("trials", 3);
        var profile = options.Text("profile", "default");
        var timeout = TimeSpan.FromSeconds(120);
        List<double> processTimes = [], systemTimes = [];
        for (var trial = 1; trial <= trials; trial++)
        {
            processTimes.Add(await ProcessesAsync(processes, profile, timeout).ConfigureAwait(false));
            systemTimes.Add(await InProcessAsync(systems, profile, timeout).ConfigureAwait(false));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trial {trial}: {processes} processes {processTimes[^1]:F0} ms, {systems} systems in one process {systemTimes[^1]:F0} ms"));
        }

        Console.WriteLine($"profile {profile}: {processes} node processes converge in {ClusterOfChildren.Median(processTimes)} (median of {trials}); {systems} actor systems in one process in {ClusterOfChildren.Median(systemTimes)}");
        return 0;
    }

    private static async Task<double> ProcessesAsync(int count, string profile, TimeSpan timeout)
    {
        var seed = await ChildNode.StartAsync(["--seeds", "self", "--profile", profile], timeout).ConfigureAwait(false);
        await seed.AwaitLineAsync(l => l == "SELFUP", timeout).ConfigureAwait(false);
        List<ChildNode> nodes = [seed];
        try
        {
            nodes.AddRange(await Task.WhenAll(Enumerable.Range(1, count - 1)
                .Select(_ => ChildNode.StartAsync(["--seeds", seed.Endpoint, "--profile", profile], timeout))).ConfigureAwait(false));
            var started = Stopwatch.GetTimestamp();
            var last = await ClusterOfChildren.AwaitAllUpAsync(nodes, timeout).ConfigureAwait(false);
            return Stopwatch.GetElapsedTime(started, last).TotalMilliseconds;
        }
        finally
        {
            await Task.WhenAll(nodes.Select(n => n.DisposeAsync().AsTask())).ConfigureAwait(false);
        }
    }

    private static async Task<double> InProcessAsync(int count, string profile, TimeSpan timeout)
    {
        var config = ConfigurationFactory.ParseString($$"""
            akka.actor.provider = cluster
            akka.loglevel = WARNING
            akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
            {{NodeProfile.Hocon(profile)}}
            """).WithFallback(ActorSystem.ReferenceConfig);
        var all = Enumerable.Range(0, count).Select(_ => ActorSystem.Create(ClusterNode.SystemName, config)).ToList();
        try
        {
            var clusters = all.Select(Cluster.Get).ToList();
            var started = Stopwatch.GetTimestamp();
            var seed = clusters[0].SelfAddress;
            foreach (var cluster in clusters)
            {
                cluster.JoinSeedNodes([seed]);
            }

            // A benchmark, not a test: polling the views every few milliseconds is the measurement.
            while (!clusters.All(c => c.State.Members.Count == count && c.State.Members.All(m => m.Status == MemberStatus.Up)))
            {
                if (Stopwatch.GetElapsedTime(started) > timeout)
                {
                    throw new TimeoutException($"{count} systems did not converge within {timeout}.");
                }

                await Task.Delay(5).ConfigureAwait(false);
            }

            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        finally
        {
            await Task.WhenAll(all.Select(s => s.Terminate())).ConfigureAwait(false);
        }
    }
}
