using LithairAkka.Actors.Event;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Settings;
using DisassociatedEvent = LithairAkka.Remote.Events.DisassociatedEvent;

namespace LithairAkka.Replication.Groups;

/// <content>
/// What starts elections besides the core's own timeout: the fast path when the leader is lost, and the static
/// election of Lithair compatibility.
/// </content>
/// <remarks>
/// The fast path: when this follower's remoting connection to its leader closes (a dead process closes its sockets at
/// once) or the cluster failure detector reports the leader unreachable (<see cref="LeaderUnreachable"/>), the group
/// leaves the leader's lease (<see cref="RaftCore.ForgetLeader"/>, so it grants votes) and campaigns without waiting
/// for its election timeout. The surviving voters stand in turn, not together: each waits its rank among them (by node
/// id) times a stagger step, so the first one normally wins before the next stands and the vote is not split. Every
/// campaign starts with a pre-vote, and a node that still hears the leader refuses it (leader lease, check-quorum),
/// so a connection that closed while the leader lives costs one refused pre-vote and no term change. A campaign
/// that stalls (the next voter had not yet learnt that the leader is gone) is retried a few times, one round of the
/// stagger later; after that the core's election timeout takes over.
/// </remarks>
public sealed partial class ReplicaGroup
{
    private const string FastCampaignTimer = "fast-campaign";

    // Fast campaigns tried per lost leader before leaving it to the election timeout.
    private const int FastCampaignAttempts = 3;

    private int _fastCampaignsLeft;

    private bool IsStaticElection => _options.Settings.Election == ElectionMode.Static;

    // Time between two voters' fast campaigns: several pre-vote and vote round trips on a loaded machine, and short
    // against the election timeout that the fast path beats.
    private TimeSpan FastCampaignStep => _options.Settings.ElectionTimeoutMin / 4;

    /// <summary>The core's options: in a static election only the designated leader may campaign.</summary>
    private RaftOptions CoreOptions() =>
        _options.Settings.ToRaftOptions(canCampaign: !IsStaticElection || _options.StaticLeader);

    /// <summary>The designated leader of a static election stands at once rather than after an election timeout.</summary>
    private void CampaignIfStaticLeader()
    {
        if (IsStaticElection && _options.StaticLeader)
        {
            _core!.Campaign();
        }
    }

    private void WatchConnections() => Context.System.EventStream.Subscribe(Self, typeof(DisassociatedEvent));

    private async Task OnDisassociatedAsync(DisassociatedEvent disassociated)
    {
        var core = _core!;
        if (core.Role != NodeRole.Leader
            && core.Leader is { } leader
            && _peers.TryGetValue(leader, out var peer)
            && peer.Path.Address.Host == disassociated.RemoteAddress.Host
            && peer.Path.Address.Port == disassociated.RemoteAddress.Port)
        {
            await LoseLeaderAsync(leader).ConfigureAwait(true);
        }
    }

    private async Task OnLeaderUnreachableAsync(LeaderUnreachable unreachable)
    {
        var core = _core!;
        if (core.Role != NodeRole.Leader && core.Leader == unreachable.Node)
        {
            await LoseLeaderAsync(unreachable.Node).ConfigureAwait(true);
        }
    }

    private async Task LoseLeaderAsync(NodeId leader)
    {
        var core = _core!;
        if (IsStaticElection && !_options.StaticLeader)
        {
            // A static follower never campaigns: it keeps waiting for the designated leader.
            return;
        }

        var survivors = core.Configuration.Voters.Where(v => v != leader).Order().ToList();
        var rank = survivors.IndexOf(_options.Self);
        if (rank < 0)
        {
            // A learner does not campaign.
            return;
        }

        core.ForgetLeader();
        _fastCampaignsLeft = FastCampaignAttempts;
        var pause = FastCampaignStep * rank;
        Context.GetLogger().Info(
            "Group {Group}: leader {Leader} lost in term {Term}; campaigning in {Pause} ms", _options.Group, leader, core.Term, pause.TotalMilliseconds);
        Timers.StartSingleTimer(FastCampaignTimer, FastCampaign.Instance, pause);
        await DrainAsync().ConfigureAwait(true);
    }

    private async Task OnFastCampaignAsync()
    {
        var core = _core!;
        if (core.Leader is not null || _fastCampaignsLeft <= 0)
        {
            // A leader is known again (perhaps this node): nothing to do.
            _fastCampaignsLeft = 0;
            return;
        }

        _fastCampaignsLeft--;
        core.Campaign();
        if (_fastCampaignsLeft > 0)
        {
            // Checked again after every other survivor had its turn.
            var voters = Math.Max(1, core.Configuration.Voters.Length - 1);
            Timers.StartSingleTimer(FastCampaignTimer, FastCampaign.Instance, FastCampaignStep * voters);
        }

        await DrainAsync().ConfigureAwait(true);
    }

    private sealed record FastCampaign
    {
        public static FastCampaign Instance { get; } = new();
    }
}
