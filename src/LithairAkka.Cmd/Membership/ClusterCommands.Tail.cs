using System.Threading.Channels;
using LithairAkka.Actors;
using LithairAkka.Cluster;
using LithairAkka.Cmd.Palettes;

namespace LithairAkka.Cmd.Membership;

/// <content><c>cluster tail</c>: membership and reachability events, streamed until the client cancels.</content>
public sealed partial class ClusterCommands
{
    // Events buffered per tail before the oldest are dropped: a slow client must not grow the node's memory.
    private const int TailBuffer = 1024;

    private async Task TailAsync(CommandContext context, CancellationToken token)
    {
        var channel = Channel.CreateBounded<ClusterEvent.IClusterDomainEvent>(new BoundedChannelOptions(TailBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        var cluster = _membership.Cluster;
        var tail = context.System.ActorOf(Props.Create(() => new ClusterTailActor(cluster, channel.Writer)), $"pbm-cluster-tail-{Guid.NewGuid():N}");
        try
        {
            await context.WriteMessageAsync("Tailing cluster membership events; Ctrl-C to stop.", token).ConfigureAwait(false);
            await foreach (var e in channel.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                if (Format(e) is { } output)
                {
                    await context.Output.WriteAsync(output, token).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            context.System.Stop(tail);
        }
    }

    private static CommandOutput? Format(ClusterEvent.IClusterDomainEvent e)
    {
        var (name, address, status) = e switch
        {
            ClusterEvent.IMemberEvent m => (e.GetType().Name, m.Member.Address.ToString(), m.Member.Status.ToString().ToLowerInvariant()),
            ClusterEvent.UnreachableMember u => ("UnreachableMember", u.Member.Address.ToString(), u.Member.Status.ToString().ToLowerInvariant()),
            ClusterEvent.ReachableMember r => ("ReachableMember", r.Member.Address.ToString(), r.Member.Status.ToString().ToLowerInvariant()),
            ClusterEvent.LeaderChanged l => ("LeaderChanged", l.Leader?.ToString() ?? string.Empty, string.Empty),
            _ => ((string?)null, string.Empty, string.Empty),
        };
        if (name is null)
        {
            return null;
        }

        return CommandOutput.Message($"{name} {address}" + (status.Length == 0 ? string.Empty : $" ({status})"), [
            new OutputField("event", name),
            new OutputField("address", address),
            new OutputField("status", status),
        ]);
    }

    /// <summary>Subscribes to the cluster's events for one <c>cluster tail</c> and hands them to the command's channel.</summary>
    private sealed class ClusterTailActor : ReceiveActor
    {
        private readonly Cluster.Cluster _cluster;
        private readonly ChannelWriter<ClusterEvent.IClusterDomainEvent> _events;

        public ClusterTailActor(Cluster.Cluster cluster, ChannelWriter<ClusterEvent.IClusterDomainEvent> events)
        {
            _cluster = cluster;
            _events = events;
            Receive<ClusterEvent.IClusterDomainEvent>(e => _events.TryWrite(e));
        }

        protected override void PreStart() => _cluster.Subscribe(
            Self,
            ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.IMemberEvent),
            typeof(ClusterEvent.IReachabilityEvent),
            typeof(ClusterEvent.LeaderChanged));

        protected override void PostStop()
        {
            _cluster.Unsubscribe(Self);
            _events.TryComplete();
        }
    }
}
