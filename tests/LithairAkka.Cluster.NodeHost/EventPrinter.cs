using LithairAkka.Actors;

namespace LithairAkka.Cluster.NodeHost;

/// <summary>Subscribes to the cluster's member, reachability and leader events and prints each as a <see cref="NodeEvent"/> line.</summary>
internal sealed class EventPrinter : ReceiveActor
{
    private readonly Cluster _cluster;

    public EventPrinter(Cluster cluster)
    {
        _cluster = cluster;
        Receive<ClusterEvent.IMemberEvent>(e => Print(e.GetType().Name, e.Member.Address.ToString(), e.Member.Status.ToString()));
        Receive<ClusterEvent.UnreachableMember>(e => Print(nameof(ClusterEvent.UnreachableMember), e.Member.Address.ToString(), e.Member.Status.ToString()));
        Receive<ClusterEvent.ReachableMember>(e => Print(nameof(ClusterEvent.ReachableMember), e.Member.Address.ToString(), e.Member.Status.ToString()));
        Receive<ClusterEvent.LeaderChanged>(e => Print(nameof(ClusterEvent.LeaderChanged), e.Leader?.ToString() ?? "-", "-"));
    }

    protected override void PreStart() => _cluster.Subscribe(
        Self,
        ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
        typeof(ClusterEvent.IMemberEvent),
        typeof(ClusterEvent.IReachabilityEvent),
        typeof(ClusterEvent.LeaderChanged));

    protected override void PostStop() => _cluster.Unsubscribe(Self);

    private static void Print(string kind, string subject, string detail) => Console.Out.WriteLine(NodeEvent.Format(kind, subject, detail));
}
