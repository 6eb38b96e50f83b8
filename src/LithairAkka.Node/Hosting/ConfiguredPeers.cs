using System.Globalization;
using LithairAkka.Management.Groups;
using LithairAkka.Node.Startup;
using LithairAkka.Remote;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Node.Hosting;

/// <summary>
/// Gives the replication group its peers from configuration (<c>--peers</c>): the voters, and for each its group
/// actor at <c>akka.tcp://lithair@HOST:PORT/user/replication-group-1</c>. This is the one place that decides who the
/// group's peers are; a cluster-membership source replaces it by calling <see cref="GroupDirectory.SetPeers"/> as
/// members come and go.
/// </summary>
internal static class ConfiguredPeers
{
    /// <summary>The founding voters: this node and every configured peer.</summary>
    public static Configuration Voters(NodeSettings settings) =>
        settings.JoinExisting ? Configuration.Empty : Configuration.OfVoters([settings.Node, .. settings.Peers.Select(p => p.Node)]);

    /// <summary>Resolves every peer's group ref and hands them to <paramref name="directory"/> (which tells the group).</summary>
    public static void Apply(ActorSystem system, GroupDirectory directory, NodeSettings settings)
    {
        if (settings.Peers.Count == 0)
        {
            return;
        }

        var provider = RemoteExtension.Get(system).Provider;
        var peers = settings.Peers.Select(p =>
        {
            var path = string.Create(
                CultureInfo.InvariantCulture,
                $"{RemoteActorRefProvider.Protocol}://{NodeSettings.SystemName}@{p.Address.Host}:{p.Address.Port}/user/{NodeSettings.GroupActorName}");
            return new Peer(p.Node, provider.ResolveActorRef(ActorPath.Parse(path)), p.Address.ToString());
        });
        directory.SetPeers(peers);
    }
}
