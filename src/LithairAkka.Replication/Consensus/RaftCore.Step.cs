namespace LithairAkka.Replication.Consensus;

/// <summary>Message intake: terms are compared first, for every message, before any role sees it.</summary>
public sealed partial class RaftCore
{
    /// <summary>Delivers a message from a peer. Messages may arrive late, twice, out of order or never.</summary>
    /// <param name="message">The message; its <see cref="RaftMessage.To"/> must be this node.</param>
    /// <exception cref="ArgumentException">The message belongs to another group or node.</exception>
    public void Step(RaftMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Group != Group || message.To != Id || message.From == Id)
        {
            throw new ArgumentException(
                $"Message {message.GetType().Name} from {message.From} to {message.To} in {message.Group} " +
                $"is not for {Id} in {Group}.", nameof(message));
        }

        if (message.Term > _term)
        {
            if (!OnHigherTerm(message))
            {
                return;
            }
        }
        else if (message.Term < _term)
        {
            OnLowerTerm(message);
            return;
        }

        if (message is VoteRequest request)
        {
            HandleVoteRequest(request);
            return;
        }

        CurrentRole.Step(message);
    }

    /// <summary>Returns whether the message should still be handled.</summary>
    private bool OnHigherTerm(RaftMessage message)
    {
        switch (message)
        {
            case VoteRequest request when InLease && !request.IsLeadershipTransfer && (request.IsPreVote || Options.CheckQuorum):
                // Thesis §4.2.3: a server that hears from a leader ignores a disruptive candidate: it neither adopts
                // the term nor votes. A leadership transfer is not a disruption: the leader asked for it.
                Send(new VoteResponse(_term, Group, Id, request.From, request.IsPreVote, Granted: false));
                return false;
            case VoteRequest { IsPreVote: true }:
            case VoteResponse { IsPreVote: true, Granted: true }:
                // A pre-vote exchange is about a term nobody has entered yet: it changes no term.
                return true;
            case VoteRequest:
                // Granting the vote restarts the timer (HandleVoteRequest); adopting the term alone does not. A
                // leader's counter measures check-quorum periods, not elections: that one starts afresh.
                BecomeFollower(message.Term, null, keepElectionTimer: CurrentRole is not LeaderRole);
                return true;
            case AppendEntriesRequest or HeartbeatRequest or InstallSnapshotRequest:
                BecomeFollower(message.Term, message.From);
                return true;
            default:
                BecomeFollower(message.Term, null);
                return true;
        }
    }

    private void OnLowerTerm(RaftMessage message)
    {
        switch (message)
        {
            case AppendEntriesRequest or HeartbeatRequest or InstallSnapshotRequest:
                // The term is a fencing token: a deposed leader learns the newer term and steps down. Without this, a
                // node whose term rose while partitioned (and whose votes are refused by leased peers) could never
                // rejoin.
                Send(new AppendEntriesResponse(_term, Group, Id, message.From, false, 0, 0, 0, 0));
                break;
            case VoteRequest { IsPreVote: true } request:
                Send(new VoteResponse(_term, Group, Id, request.From, IsPreVote: true, Granted: false));
                break;
            default:
                // Anything else from an older term is stale.
                break;
        }
    }

    /// <summary>
    /// Raft §5.2 and §5.4.1: one vote per term, first come first served, and only for a candidate whose log is at least
    /// as up to date. The vote is recorded in the hard state, which the host persists before sending the answer.
    /// </summary>
    private void HandleVoteRequest(VoteRequest request)
    {
        var canVote = _votedFor == request.From
            || (_votedFor is null && _leader is null)
            || (request.IsPreVote && request.Term > _term);
        if (canVote && Log.IsUpToDate(request.LastLogIndex, request.LastLogTerm))
        {
            Send(new VoteResponse(request.Term, Group, Id, request.From, request.IsPreVote, Granted: true));
            if (!request.IsPreVote)
            {
                ElectionElapsed = 0;
                _votedFor = request.From;
            }
        }
        else
        {
            Send(new VoteResponse(_term, Group, Id, request.From, request.IsPreVote, Granted: false));
        }
    }
}
