using LithairAkka.Actors;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Leader;

/// <summary>
/// Child of <c>ReplicaGroup</c> while its core leads: starts one <see cref="FollowerStream"/> child per follower (and
/// learner), tells the group which stream carries each follower's traffic (<see cref="FollowerStreams"/>), stops the
/// stream of a member that left, and answers <see cref="GetSyncStatus"/> from the streams' reports. Stopped (with its
/// streams) when the core steps down. Single-threaded (actor).
/// </summary>
/// <remarks>
/// Division of labour: the group's consensus core decides what each follower is sent and owns terms, votes, match
/// indexes and the commit index; the group hands the core's appends and heartbeats to the follower's stream, which
/// pipelines them within its window and measures; the follower's answers go to the group's core directly, and the
/// group passes a summary to the stream. Every heartbeat interval (<see cref="LeaderProgress"/>) this actor sends
/// each stream the core's view of its follower, and the stream reports its health back.
/// </remarks>
public sealed class ReplicationLeader : ReceiveActor
{
    private readonly FollowerStreamOptions _options;
    private readonly Dictionary<NodeId, IActorRef> _streams = [];
    private readonly Dictionary<NodeId, FollowerSyncState> _reports = [];
    private RaftStatus? _status;

    /// <summary>Creates the leader side.</summary>
    /// <param name="options">The settings every follower stream gets.</param>
    public ReplicationLeader(FollowerStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Receive<LeaderProgress>(OnProgress);
        Receive<FollowerSyncState>(report =>
        {
            if (_streams.ContainsKey(report.Node))
            {
                _reports[report.Node] = report;
            }
        });
        Receive<GetSyncStatus>(_ => Sender.Tell(BuildStatus()));
    }

    /// <summary>Props for the leader side.</summary>
    /// <param name="options">The settings every follower stream gets.</param>
    public static Props Props(FollowerStreamOptions options) => Actors.Props.Create(() => new ReplicationLeader(options));

    private void OnProgress(LeaderProgress progress)
    {
        var status = progress.Status;
        _status = status;
        var changed = false;
        var current = new HashSet<NodeId>();
        foreach (var follower in status.Followers)
        {
            current.Add(follower.Node);
            if (!_streams.TryGetValue(follower.Node, out var stream))
            {
                stream = Context.ActorOf(
                    FollowerStream.Props(follower.Node, _options), "stream-" + follower.Node.ToString());
                _streams[follower.Node] = stream;
                changed = true;
            }

            stream.Tell(new StreamTick(follower, status.LastIndex), Self);
        }

        foreach (var gone in _streams.Keys.Where(node => !current.Contains(node)).ToArray())
        {
            Context.Stop(_streams[gone]);
            _streams.Remove(gone);
            _reports.Remove(gone);
            changed = true;
        }

        if (changed)
        {
            Context.Parent.Tell(new FollowerStreams(new Dictionary<NodeId, IActorRef>(_streams)), Self);
        }
    }

    private SyncStatus BuildStatus()
    {
        if (_status is not { } status)
        {
            // ReplicaGroup sends the first progress right after creating this actor; nothing is known before.
            return new SyncStatus(default, 0, 0, []);
        }

        var list = new List<FollowerSyncState>(status.Followers.Count);
        foreach (var follower in status.Followers)
        {
            list.Add(_reports.TryGetValue(follower.Node, out var report)
                ? report
                : new FollowerSyncState(
                    follower.Node, FollowerHealth.Unknown, follower.MatchIndex, Math.Max(0, status.LastIndex - follower.MatchIndex), null, 0));
        }

        return new SyncStatus(status.Node, status.Term, status.LastIndex, list);
    }
}
