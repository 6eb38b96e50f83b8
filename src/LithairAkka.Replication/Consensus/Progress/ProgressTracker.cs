namespace LithairAkka.Replication.Consensus;

/// <summary>
/// A leader's progress for every member of the configuration, itself included, and the quorum arithmetic over the
/// voters: the commit index a majority stores and whether a majority was recently heard from. Not thread-safe.
/// </summary>
internal sealed class ProgressTracker
{
    private readonly Dictionary<NodeId, FollowerProgress> _progress = [];
    private readonly NodeId _self;
    private readonly int _maxInflight;

    public ProgressTracker(NodeId self, Configuration configuration, long lastIndex, int maxInflight)
    {
        _self = self;
        _maxInflight = maxInflight;
        Configuration = configuration;
        foreach (var node in configuration.Members)
        {
            _progress[node] = new FollowerProgress(node, lastIndex + 1, maxInflight, configuration.IsLearner(node));
        }
    }

    public Configuration Configuration { get; private set; }

    /// <summary>Every member except this node, in id order.</summary>
    public IEnumerable<FollowerProgress> Peers =>
        _progress.Values.Where(p => p.Node != _self).OrderBy(p => p.Node);

    public FollowerProgress? Get(NodeId node) => _progress.GetValueOrDefault(node);

    /// <summary>Follows a configuration change: new members start probing at <paramref name="lastIndex"/> + 1.</summary>
    public void Apply(Configuration configuration, long lastIndex)
    {
        foreach (var node in _progress.Keys.Where(n => !configuration.Contains(n)).ToList())
        {
            _progress.Remove(node);
        }

        foreach (var node in configuration.Members)
        {
            if (_progress.TryGetValue(node, out var progress))
            {
                progress.IsLearner = configuration.IsLearner(node);
            }
            else
            {
                _progress[node] = new FollowerProgress(node, lastIndex + 1, _maxInflight, configuration.IsLearner(node))
                {
                    RecentActive = true,
                };
            }
        }

        Configuration = configuration;
    }

    /// <summary>The highest index stored by a majority of voters (0 with no voter).</summary>
    public long QuorumMatchIndex()
    {
        var voters = Configuration.Voters;
        if (voters.Length == 0)
        {
            return 0;
        }

        Span<long> matches = stackalloc long[voters.Length];
        for (var i = 0; i < voters.Length; i++)
        {
            matches[i] = _progress.TryGetValue(voters[i], out var p) ? p.Match : 0;
        }

        matches.Sort();
        // Ascending order: the quorum-th largest value sits at Length - Quorum.
        return matches[voters.Length - Configuration.Quorum];
    }

    /// <summary>Whether a majority of voters (this node counting as active) answered in the current period.</summary>
    public bool QuorumActive()
    {
        var active = 0;
        foreach (var voter in Configuration.Voters)
        {
            if (voter == _self || (_progress.TryGetValue(voter, out var p) && p.RecentActive))
            {
                active++;
            }
        }

        return active >= Configuration.Quorum;
    }

    /// <summary>Starts a new check-quorum period.</summary>
    public void ResetRecentActive()
    {
        foreach (var progress in _progress.Values)
        {
            progress.RecentActive = progress.Node == _self;
        }
    }
}
