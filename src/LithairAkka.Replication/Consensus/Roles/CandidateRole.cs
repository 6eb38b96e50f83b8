namespace LithairAkka.Replication.Consensus;

/// <summary>
/// A pre-candidate (thesis §9.6: asks whether it could win, for the next term, without changing its own term or vote)
/// or a candidate (§5.2: has incremented its term, voted for itself and asks for votes). Either becomes a follower
/// when it hears from a leader of its term or when a majority refuses, and moves on when a majority grants.
/// </summary>
internal sealed class CandidateRole : RaftRole
{
    private readonly VoteTally _tally = new();
    private readonly bool _preVote;
    private readonly bool _leadershipTransfer;

    public CandidateRole(RaftCore core, bool preVote, bool leadershipTransfer)
        : base(core)
    {
        _preVote = preVote;
        _leadershipTransfer = leadershipTransfer;
    }

    public override NodeRole Kind => _preVote ? NodeRole.PreCandidate : NodeRole.Candidate;

    /// <summary>Votes for itself and asks every other voter.</summary>
    public void Start()
    {
        _tally.Record(Core.Id, true);
        if (Evaluate())
        {
            return;
        }

        var term = _preVote ? Core.Term + 1 : Core.Term;
        foreach (var voter in Log.Configuration.Voters)
        {
            if (voter != Core.Id)
            {
                Core.Send(new VoteRequest(
                    term, Core.Group, Core.Id, voter, Log.LastIndex, Log.LastTerm, _preVote, _leadershipTransfer));
            }
        }
    }

    public override void Tick() => Core.TickElectionTimer();

    public override void Step(RaftMessage message)
    {
        switch (message)
        {
            case AppendEntriesRequest or HeartbeatRequest or InstallSnapshotRequest:
                // A leader of the current term exists (for a pre-candidate, of the term it never left).
                Core.BecomeFollower(Core.Term, message.From);
                Core.CurrentRole.Step(message);
                break;
            case VoteResponse response when response.IsPreVote == _preVote:
                // A granted pre-vote carries the term asked for; any other answer carries the voter's own term.
                if (_preVote && response.Granted && response.Term != Core.Term + 1)
                {
                    return;
                }

                _tally.Record(response.From, response.Granted);
                Evaluate();
                break;
            default:
                break;
        }
    }

    private bool Evaluate()
    {
        switch (_tally.Outcome(Log.Configuration))
        {
            case VoteOutcome.Won when _preVote:
                Core.BecomeCandidate(_leadershipTransfer);
                return true;
            case VoteOutcome.Won:
                Core.BecomeLeader();
                return true;
            case VoteOutcome.Lost:
                Core.BecomeFollower(Core.Term, null);
                return true;
            default:
                return false;
        }
    }
}
