using LithairAkka.Hocon;
using LithairAkka.Management.Settings;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Settings;
using Microsoft.Extensions.Logging;

namespace LithairAkka.Node.Startup;

/// <summary>Everything the node needs, validated before anything starts. Immutable.</summary>
/// <param name="Node">This node's id.</param>
/// <param name="DataDirectory">Absolute path of the node's data.</param>
/// <param name="Peers">The other voters and their remoting addresses.</param>
/// <param name="Config">The full configuration (file, then node defaults); the actor system adds the reference.</param>
/// <param name="Replication"><c>lithair.replication</c>.</param>
/// <param name="Http"><c>lithair.http</c>.</param>
/// <param name="Management"><c>akka.management.http</c> and <c>lithair.testing</c>.</param>
/// <param name="LogLevel"><c>akka.loglevel</c>.</param>
/// <param name="JsonLogs"><c>lithair.node.log-format = json</c>.</param>
/// <param name="LogStore"><c>lithair.node.log-store</c> and its connection string.</param>
/// <param name="Bootstrap"><c>akka.management.cluster.bootstrap</c> and <c>akka.discovery</c>.</param>
internal sealed record NodeSettings(
    NodeId Node,
    string DataDirectory,
    IReadOnlyList<PeerAddress> Peers,
    Config Config,
    ReplicationSettings Replication,
    HttpSettings Http,
    ManagementSettings Management,
    LogLevel LogLevel,
    bool JsonLogs,
    LogStoreSettings LogStore,
    Management.Bootstrap.ClusterBootstrapSettings Bootstrap)
{
    /// <summary>The actor system's name: the same on every node, as remote addresses include it.</summary>
    public const string SystemName = "lithair";

    /// <summary>The path of the replication group actor on every node.</summary>
    public const string GroupActorName = "replication-group-1";

    /// <summary>The one replication group the node runs this round.</summary>
    public static readonly GroupId Group = new(1);

    /// <summary>
    /// With <c>lithair.replication.election = static</c>, whether this node is the designated leader: started with
    /// <c>--leader</c> (<c>LITHAIR_IS_LEADER=true</c>), or node 0 when the flag is not given at all.
    /// </summary>
    public bool StaticLeader { get; init; }

    /// <summary>
    /// <c>lithair.node.join</c> (<c>LITHAIR_JOIN</c>): this node joins an existing replication group instead of
    /// founding it with its <c>--peers</c>. It starts with no configuration of its own; the leader adds it as a learner
    /// when it is Up in the cluster, streams or snapshots it up to date, then promotes it to voter.
    /// </summary>
    public bool JoinExisting { get; init; }
}
