namespace LithairAkka.Replication.Consensus;

/// <summary>Role transitions and the election timer.</summary>
public sealed partial class RaftCore
{
    /// <summary>Becomes a follower of <paramref name="leader"/> (or of nobody yet) in <paramref name="term"/>.</summary>
    /// <param name="term">The term, at least the current one.</param>
    /// <param name="leader">The leader, when the transition is caused by a message from it.</param>
    /// <param name="keepElectionTimer">Keep the election timer running: Raft's Figure 2 restarts it only on hearing
    /// from the leader or on granting a vote. A vote request that is refused must not restart it, or a stale node
    /// that campaigns again and again keeps the only electable node from ever timing out.</param>
    internal void BecomeFollower(long term, NodeId? leader, bool keepElectionTimer = false)
    {
        var elapsed = ElectionElapsed;
        var timeout = RandomizedElectionTimeout;
        Reset(term);
        if (keepElectionTimer)
        {
            ElectionElapsed = elapsed;
            RandomizedElectionTimeout = timeout;
        }

        _leader = leader;
        CurrentRole = new FollowerRole(this);
    }

    internal void BecomeCandidate(bool leadershipTransfer)
    {
        Reset(_term + 1);
        _votedFor = Id;
        var candidate = new CandidateRole(this, preVote: false, leadershipTransfer);
        CurrentRole = candidate;
        candidate.Start();
    }

    internal void BecomeLeader()
    {
        Reset(_term);
        _leader = Id;
        var leader = new LeaderRole(this);
        CurrentRole = leader;
        leader.Start();
    }

    /// <summary>
    /// Starts an election: a pre-vote round first when enabled, unless the leader asked for it (leadership transfer).
    /// Only voters campaign, and only when <see cref="RaftOptions.CanCampaign"/>.
    /// </summary>
    internal void StartCampaign(bool leadershipTransfer)
    {
        if (!IsPromotable || !Options.CanCampaign || CurrentRole is LeaderRole)
        {
            return;
        }

        if (Options.PreVote && !leadershipTransfer)
        {
            // A pre-candidate keeps its term and vote; it only forgets the leader it no longer hears from.
            _leader = null;
            ElectionElapsed = 0;
            ResetRandomizedElectionTimeout();
            var preCandidate = new CandidateRole(this, preVote: true, leadershipTransfer: false);
            CurrentRole = preCandidate;
            preCandidate.Start();
        }
        else
        {
            BecomeCandidate(leadershipTransfer);
        }
    }

    /// <summary>Follower and candidate tick: campaign when the randomized election timeout passed.</summary>
    internal void TickElectionTimer()
    {
        // Saturates: a node that never campaigns counts on and on, and must stay out of a dead leader's lease.
        if (ElectionElapsed < int.MaxValue)
        {
            ElectionElapsed++;
        }

        if (IsPromotable && Options.CanCampaign && ElectionElapsed >= RandomizedElectionTimeout)
        {
            ElectionElapsed = 0;
            StartCampaign(leadershipTransfer: false);
        }
    }

    private void Reset(long term)
    {
        if (term != _term)
        {
            _term = term;
            _votedFor = null;
        }

        _leader = null;
        ElectionElapsed = 0;
        ResetRandomizedElectionTimeout();
    }

    private void ResetRandomizedElectionTimeout() =>
        RandomizedElectionTimeout = _random.Next(Options.ElectionTimeoutMinTicks, Options.ElectionTimeoutMaxTicks + 1);
}
