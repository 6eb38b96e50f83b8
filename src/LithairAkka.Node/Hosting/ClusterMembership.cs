using System.Globalization;
using System.Text;
using LithairAkka.Cluster;
using LithairAkka.Hocon;
using LithairAkka.Remote;
using LithairAkka.Remote.Transport;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Node.Hosting;

/// <summary>
/// The node as a cluster member: its default <c>akka.cluster</c> settings (seed nodes from <c>--peers</c>, roles) and
/// the start of its membership. The seed nodes are the <c>--peers</c> list in the order given, so every node started
/// with the same list agrees on the first seed, which forms the cluster; a node started without peers forms a cluster
/// of its own. The replication group's voters still come from <see cref="ConfiguredPeers"/>.
/// </summary>
internal static class ClusterMembership
{
    /// <summary>The role every node has.</summary>
    public const string ReplicaRole = "replica";

    /// <summary>
    /// HOCON defaults for the keys the file does not set: <c>akka.cluster.seed-nodes</c> from <paramref name="rawPeers"/>
    /// (<c>HOST:PORT</c> or <c>ID@HOST:PORT</c>, comma-separated; entries that do not parse are left to the peer
    /// validation) and <c>akka.cluster.roles = [replica, node-id-N]</c>.
    /// </summary>
    public static string ConfigDefaults(Config file, NodeId node, string rawPeers)
    {
        var defaults = new StringBuilder();
        if (!file.HasPath("akka.cluster.seed-nodes"))
        {
            var seeds = new List<string>();
            foreach (var entry in rawPeers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var text = entry[(entry.IndexOf('@', StringComparison.Ordinal) + 1)..];
                if (RemoteAddress.TryParse(text, out var address) && Quote(SeedAddress(address)) is var seed && !seeds.Contains(seed))
                {
                    seeds.Add(seed);
                }
            }

            defaults.Append(CultureInfo.InvariantCulture, $"akka.cluster.seed-nodes = [{string.Join(", ", seeds)}]\n");
        }

        if (!file.HasPath("akka.cluster.roles"))
        {
            defaults.Append(CultureInfo.InvariantCulture, $"akka.cluster.roles = [\"{ReplicaRole}\", \"{RoleOf(node)}\"]\n");
        }

        return defaults.ToString();
    }

    /// <summary>The role naming node <paramref name="node"/>: <c>node-id-N</c>.</summary>
    public static string RoleOf(NodeId node) => string.Create(CultureInfo.InvariantCulture, $"node-id-{node.Value}");

    /// <summary>
    /// Starts observing the membership of <paramref name="system"/>, and joins this node to itself when no seed node
    /// is configured (a one-node cluster; others may join it later).
    /// </summary>
    public static ReachabilityObserver Start(ActorSystem system)
    {
        var membership = new ReachabilityObserver(system);
        var cluster = membership.Cluster;
        if (cluster.Settings.SeedNodes.IsEmpty)
        {
            cluster.Join(cluster.SelfAddress);
        }

        return membership;
    }

    private static string SeedAddress(RemoteAddress address) =>
        new Address(RemoteActorRefProvider.Protocol, Startup.NodeSettings.SystemName, address.Host, address.Port).ToString();

    private static string Quote(string text) => "\"" + text + "\"";
}
