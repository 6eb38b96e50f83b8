using LithairAkka.Cluster;

namespace LithairAkka.Management.Bootstrap;

/// <summary>
/// Cluster bootstrap's decision, after Akka.Management's <c>LowestAddressJoinDecider</c>: join the seed nodes any
/// contact point reports; when none reports any, form a new cluster only once at least
/// <see cref="ClusterBootstrapSettings.RequiredContactPointNr"/> contact points have been discovered, the discovered set
/// has not changed for <see cref="ClusterBootstrapSettings.StableMargin"/>, every contact point (or the required
/// number, without <see cref="ClusterBootstrapSettings.ContactWithAllContactPoints"/>) answered within
/// <see cref="ClusterBootstrapSettings.ProbingFailureTimeout"/>, and this node has the lowest address of all that
/// answered. The others keep probing until the lowest reports its cluster, then join it. Pure: no I/O, time from the
/// injected <see cref="TimeProvider"/>. Not thread-safe: one bootstrap loop drives it.
/// </summary>
public sealed class LowestAddressJoinDecider
{
    private readonly ClusterBootstrapSettings _settings;
    private readonly Address _self;
    private readonly TimeProvider _time;
    private readonly Dictionary<ContactPoint, Observation> _observations = [];
    private SortedSet<ContactPoint> _discovered = [];
    private DateTimeOffset _stableSince;

    /// <summary>Creates the decider of the node at <paramref name="self"/>.</summary>
    /// <param name="settings">The bootstrap settings.</param>
    /// <param name="self">This node's cluster address.</param>
    /// <param name="time">The clock of the stable margin and of observation ages.</param>
    public LowestAddressJoinDecider(ClusterBootstrapSettings settings, Address self, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(time);
        _settings = settings;
        _self = self;
        _time = time;
        _stableSince = time.GetUtcNow();
    }

    /// <summary>The contact points of the last discovery, sorted.</summary>
    public IReadOnlyCollection<ContactPoint> Discovered => _discovered;

    /// <summary>Records the result of a discovery; a set different from the last one restarts the stable margin.</summary>
    public void OnContactPointsDiscovered(IEnumerable<ContactPoint> contactPoints)
    {
        ArgumentNullException.ThrowIfNull(contactPoints);
        var discovered = new SortedSet<ContactPoint>(contactPoints);
        if (!discovered.SetEquals(_discovered))
        {
            _discovered = discovered;
            _stableSince = _time.GetUtcNow();
            foreach (var gone in _observations.Keys.Where(k => !discovered.Contains(k)).ToList())
            {
                _observations.Remove(gone);
            }
        }
    }

    /// <summary>Records a contact point's answer: the node behind it and the seed nodes of its cluster (empty: it has none).</summary>
    public void OnSeedNodesObserved(ContactPoint contactPoint, Address selfNode, IEnumerable<Address> seedNodes)
    {
        ArgumentNullException.ThrowIfNull(selfNode);
        ArgumentNullException.ThrowIfNull(seedNodes);
        _observations[contactPoint] = new Observation(selfNode, [.. seedNodes], _time.GetUtcNow());
    }

    /// <summary>Decides what to do now, from the fresh observations.</summary>
    public JoinDecision Decide()
    {
        var now = _time.GetUtcNow();
        var fresh = _observations
            .Where(o => _discovered.Contains(o.Key) && now - o.Value.At < _settings.ProbingFailureTimeout)
            .ToDictionary(o => o.Key, o => o.Value);

        // An existing cluster always wins: join it, never this node itself through this decision.
        var seeds = fresh.Values.SelectMany(o => o.SeedNodes).Where(a => a != _self).Distinct().Order(Member.AddressOrdering).ToList();
        if (seeds.Count > 0)
        {
            return new JoinDecision(JoinDecisionKind.JoinOtherSeedNodes, seeds, $"a contact point reports a cluster with seed nodes {string.Join(", ", seeds)}");
        }

        if (!_settings.NewClusterEnabled)
        {
            return JoinDecision.KeepProbing("no contact point reports a cluster, and new-cluster-enabled is off");
        }

        if (_discovered.Count < _settings.RequiredContactPointNr)
        {
            return JoinDecision.KeepProbing($"{_discovered.Count} of the {_settings.RequiredContactPointNr} required contact points discovered");
        }

        var stableFor = now - _stableSince;
        if (stableFor < _settings.StableMargin)
        {
            return JoinDecision.KeepProbing($"contact points stable for {stableFor.TotalMilliseconds:0} ms of the {_settings.StableMargin.TotalMilliseconds:0} ms stable margin");
        }

        var needed = _settings.ContactWithAllContactPoints ? _discovered.Count : _settings.RequiredContactPointNr;
        if (fresh.Count < needed)
        {
            var silent = string.Join(", ", _discovered.Where(c => !fresh.ContainsKey(c)));
            return JoinDecision.KeepProbing($"{fresh.Count} of {needed} contact points answered (waiting for {silent})");
        }

        var lowest = fresh.Values.Select(o => o.SelfNode).Append(_self).Min(Member.AddressOrdering)!;
        return lowest == _self
            ? new JoinDecision(JoinDecisionKind.JoinSelf, [], $"no cluster among {fresh.Count} contact points and this node has the lowest address")
            : JoinDecision.KeepProbing($"no cluster yet: waiting for {lowest}, the lowest address, to form it");
    }

    private sealed record Observation(Address SelfNode, IReadOnlyList<Address> SeedNodes, DateTimeOffset At);
}
