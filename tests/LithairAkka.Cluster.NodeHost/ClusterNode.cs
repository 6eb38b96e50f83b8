using LithairAkka.Actors;
using LithairAkka.Hocon;

namespace LithairAkka.Cluster.NodeHost;

/// <summary>The <c>node</c> mode: one cluster member on loopback, reporting events on stdout.</summary>
internal static class ClusterNode
{
    public const string SystemName = "cluster";

    public static async Task<int> RunAsync(HostArguments options)
    {
        var port = options.Number("port", 0);
        var roles = options.Text("roles", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var config = ConfigurationFactory.ParseString($$"""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = {{port}} }
            akka.remote.secure-cookie = "{{options.Text("cookie", "test-cookie")}}"
            akka.cluster.roles = [{{string.Join(',', roles.Select(r => $"\"{r}\""))}}]
            {{NodeProfile.Hocon(options.Text("profile", "fast"))}}
            """).WithFallback(ActorSystem.ReferenceConfig);
        var system = ActorSystem.Create(SystemName, config);
        var cluster = Cluster.Get(system);
        system.ActorOf(Props.Create(() => new EventPrinter(cluster)), "event-printer");
        cluster.RegisterOnMemberUp(() => Console.Out.WriteLine("SELFUP"));
        Console.Out.WriteLine($"ADDRESS {cluster.SelfAddress} UID {cluster.SelfUniqueAddress.Uid}");

        var seeds = options.Text("seeds", "self");
        if (seeds != "none")
        {
            cluster.JoinSeedNodes(seeds == "self" ? [cluster.SelfAddress] : seeds.Split(',').Select(ToAddress));
        }

        _ = Task.Run(() => NodeCommands.ReadAsync(system, cluster));
        await system.WhenTerminated.ConfigureAwait(false);
        Console.Out.WriteLine("TERMINATED");
        return 0;
    }

    /// <summary>The cluster address of a node host listening on <paramref name="hostAndPort"/>.</summary>
    public static Address ToAddress(string hostAndPort)
    {
        var colon = hostAndPort.LastIndexOf(':');
        return colon > 0 && int.TryParse(hostAndPort.AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture, out var port)
            ? new Address("akka.tcp", SystemName, hostAndPort[..colon], port)
            : throw new FormatException($"a seed must be HOST:PORT, got '{hostAndPort}'");
    }
}
