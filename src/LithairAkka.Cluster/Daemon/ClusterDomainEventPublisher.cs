using System.Collections.Immutable;

namespace LithairAkka.Cluster;

/// <summary>
/// Publishes the cluster's domain events (Akka's <c>ClusterDomainEventPublisher</c>), at
/// <c>/system/cluster/publisher</c>. The core daemon hands it every new gossip; it computes the events between the
/// previous and the new one (<see cref="ClusterEventDiff"/>), sends each to the subscribers whose types match and to
/// the event stream, and updates the <see cref="Cluster"/> extension's snapshot. A new subscriber first gets the
/// current state, as a snapshot or as events.
/// </summary>
internal sealed class ClusterDomainEventPublisher : ActorBase
{
    private readonly Cluster _cluster;
    private readonly Dictionary<IActorRef, ImmutableArray<Type>> _subscribers = [];
    private Gossip _gossip = Gossip.Empty;

    public ClusterDomainEventPublisher(Cluster cluster)
    {
        _cluster = cluster;
    }

    /// <summary>Subscribes <paramref name="Subscriber"/> to the events assignable to one of <paramref name="To"/>.</summary>
    public sealed record Subscribe(IActorRef Subscriber, ClusterEvent.SubscriptionInitialStateMode InitialStateMode, ImmutableArray<Type> To);

    /// <summary>Ends every subscription of <paramref name="Subscriber"/>.</summary>
    public sealed record Unsubscribe(IActorRef Subscriber);

    /// <summary>Sends the current state to <paramref name="Receiver"/>.</summary>
    public sealed record SendCurrentState(IActorRef Receiver);

    /// <summary>The core daemon's new gossip.</summary>
    public sealed record PublishChanges(Gossip Gossip);

    /// <summary>An event that is not a gossip difference (<see cref="ClusterEvent.ClusterShuttingDown"/>).</summary>
    public sealed record PublishEvent(ClusterEvent.IClusterDomainEvent Event);

    /// <inheritdoc/>
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case PublishChanges changes:
                Publish(changes.Gossip);
                return true;
            case PublishEvent e:
                Publish(e.Event);
                return true;
            case Subscribe subscribe:
                OnSubscribe(subscribe);
                return true;
            case Unsubscribe unsubscribe:
                _subscribers.Remove(unsubscribe.Subscriber);
                Context.Unwatch(unsubscribe.Subscriber);
                return true;
            case SendCurrentState send:
                send.Receiver.Tell(ClusterEventDiff.CurrentState(_gossip, _cluster.SelfUniqueAddress), Self);
                return true;
            case Terminated terminated:
                _subscribers.Remove(terminated.ActorRef);
                return true;
            default:
                return false;
        }
    }

    private void OnSubscribe(Subscribe subscribe)
    {
        var self = _cluster.SelfUniqueAddress;
        if (subscribe.InitialStateMode == ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot)
        {
            subscribe.Subscriber.Tell(ClusterEventDiff.CurrentState(_gossip, self), Self);
        }
        else
        {
            foreach (var e in ClusterEventDiff.InitialStateAsEvents(_gossip, self).Where(e => Matches(subscribe.To, e)))
            {
                subscribe.Subscriber.Tell(e, Self);
            }
        }

        _subscribers[subscribe.Subscriber] = subscribe.To;
        Context.Watch(subscribe.Subscriber);
    }

    private void Publish(Gossip gossip)
    {
        var self = _cluster.SelfUniqueAddress;
        var events = ClusterEventDiff.Diff(_gossip, gossip, self);
        _gossip = gossip;
        _cluster.OnPublished(ClusterEventDiff.CurrentState(gossip, self), gossip.GetMember(self));
        foreach (var e in events)
        {
            Publish(e);
        }

        if (events.Any(e => e is ClusterEvent.MemberRemoved removed && removed.Member.UniqueAddress.Equals(self)))
        {
            _cluster.OnSelfRemoved(terminated: false);
        }
    }

    private void Publish(ClusterEvent.IClusterDomainEvent e)
    {
        foreach (var (subscriber, types) in _subscribers)
        {
            if (Matches(types, e))
            {
                subscriber.Tell(e, Self);
            }
        }

        Context.System.EventStream.Publish(e);
    }

    private static bool Matches(ImmutableArray<Type> types, object e) => types.Any(t => t.IsInstanceOfType(e));
}
