using LithairAkka.Cluster;
using LithairAkka.Management.Groups;
using LithairAkka.Node.Startup;
using LithairAkka.Replication.Membership;
using LithairAkka.Replication.Settings;

namespace LithairAkka.Node.Hosting;

/// <summary>
/// Makes the replication group's voters follow cluster membership (<c>election = auto</c>): a
/// <see cref="ReplicaMembershipBridge"/> subscribed to the cluster's member events adds a member with the
/// <c>replica</c> role as a learner, promotes it once it has caught up, and removes a member that left or was downed,
/// one configuration change at a time through the log. Unreachable members are reported to the group (fast election).
/// </summary>
internal static class ReplicaVoters
{
    /// <summary>Starts the bridge; nothing with <c>election = static</c>, whose membership is fixed.</summary>
    /// <param name="system">The node's actor system (cluster provider).</param>
    /// <param name="directory">The node's group directory.</param>
    /// <param name="settings">The node's settings.</param>
    public static void Start(ActorSystem system, GroupDirectory directory, NodeSettings settings)
    {
        if (settings.Replication.Election == ElectionMode.Static)
        {
            return;
        }

        var relay = system.ActorOf(GroupMembershipRelay.Props(directory), "replica-membership-relay");
        var options = new MembershipBridgeOptions(settings.Node, relay, "/user/" + NodeSettings.GroupActorName)
        {
            ReplicaRole = ClusterMembership.ReplicaRole,
            Time = system.TimeProvider,

            // Promote a learner once it is within resync-threshold of the leader: the streams close the rest at once,
            // and a learner under a steady write load would otherwise never be exactly at the last index.
            PromoteLag = settings.Replication.ResyncThreshold,
        };
        var bridge = system.ActorOf(ReplicaMembershipBridge.Props(options), "replica-membership");
        LithairAkka.Cluster.Cluster.Get(system).Subscribe(
            bridge,
            ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot,
            typeof(ClusterEvent.MemberUp),
            typeof(ClusterEvent.MemberDowned),
            typeof(ClusterEvent.MemberRemoved),
            typeof(ClusterEvent.UnreachableMember),
            typeof(ClusterEvent.ReachableMember));
    }
}
