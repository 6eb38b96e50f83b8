namespace LithairAkka.Replication.Consensus;

/// <summary>The votes a (pre-)candidate collected; only voters of the configuration count. Not thread-safe.</summary>
internal sealed class VoteTally
{
    private readonly Dictionary<NodeId, bool> _votes = [];

    /// <summary>Records a voter's answer; the first answer of each voter counts, duplicates are ignored.</summary>
    public void Record(NodeId voter, bool granted) => _votes.TryAdd(voter, granted);

    /// <summary>Whether the election is won, lost (a majority refused) or still open.</summary>
    public VoteOutcome Outcome(Configuration configuration)
    {
        int granted = 0, refused = 0;
        foreach (var voter in configuration.Voters)
        {
            if (_votes.TryGetValue(voter, out var vote))
            {
                if (vote)
                {
                    granted++;
                }
                else
                {
                    refused++;
                }
            }
        }

        if (configuration.Quorum > 0 && granted >= configuration.Quorum)
        {
            return VoteOutcome.Won;
        }

        return configuration.Voters.Length - refused < configuration.Quorum ? VoteOutcome.Lost : VoteOutcome.Pending;
    }
}
