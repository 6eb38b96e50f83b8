using System.Globalization;
using LithairAkka.Management.Groups;
using LithairAkka.Replication.Groups;

namespace LithairAkka.Node.Hosting;

/// <summary>
/// Stands between the <c>ReplicaMembershipBridge</c> and the node's replica group: the peers the bridge finds among the
/// Up cluster members are merged into the <see cref="GroupDirectory"/> (so HTTP forwarding and monitoring know a node
/// that joined after start), and every other message is forwarded to the group with its sender kept, so the group's
/// answers (status, membership changes) go straight back to the bridge.
/// </summary>
/// <remarks>
/// Peers are only ever added: a removed member's entry stays (sending to a node that left is harmless, and the
/// <c>--peers</c> entries must stay usable before the cluster has converged at start).
/// </remarks>
internal sealed class GroupMembershipRelay : ReceiveActor
{
    private readonly GroupDirectory _directory;

    /// <summary>Creates the relay.</summary>
    /// <param name="directory">The node's group directory (its local group receives what the bridge sends).</param>
    public GroupMembershipRelay(GroupDirectory directory)
    {
        _directory = directory;
        Receive<UpdatePeers>(OnPeers);
        ReceiveAny(message => _directory.LocalGroup.Forward(message));
    }

    /// <summary>Props for a relay.</summary>
    public static Props Props(GroupDirectory directory) => Actors.Props.Create(() => new GroupMembershipRelay(directory));

    private void OnPeers(UpdatePeers update)
    {
        var known = _directory.Peers;
        var added = update.Peers.Where(p => p.Key != _directory.Self && !known.ContainsKey(p.Key)).ToList();
        if (added.Count == 0)
        {
            return;
        }

        var merged = known.Values.Concat(added.Select(p => new Peer(p.Key, p.Value, Describe(p.Value.Path.Address))));
        _directory.SetPeers(merged.ToList());
    }

    // The monitoring form of an address, HOST:PORT, as --peers entries print.
    private static string Describe(Address address) =>
        string.Create(CultureInfo.InvariantCulture, $"{address.Host}:{address.Port}");
}
