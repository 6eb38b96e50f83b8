using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Tests.Consensus;

public class VoteTallyTests
{
    private static readonly Configuration Five = Configuration.OfVoters([.. Enumerable.Range(1, 5).Select(i => new NodeId(i))]);

    [Fact]
    public void Outcome_MajorityGranted_Won()
    {
        var tally = new VoteTally();
        tally.Record(new NodeId(1), true);
        tally.Record(new NodeId(2), true);
        Assert.Equal(VoteOutcome.Pending, tally.Outcome(Five));

        tally.Record(new NodeId(9), true);
        Assert.Equal(VoteOutcome.Pending, tally.Outcome(Five));

        tally.Record(new NodeId(3), true);
        Assert.Equal(VoteOutcome.Won, tally.Outcome(Five));
    }

    [Fact]
    public void Outcome_MajorityRefused_Lost()
    {
        var tally = new VoteTally();
        tally.Record(new NodeId(1), true);
        tally.Record(new NodeId(2), false);
        tally.Record(new NodeId(3), false);
        Assert.Equal(VoteOutcome.Pending, tally.Outcome(Five));

        tally.Record(new NodeId(4), false);
        Assert.Equal(VoteOutcome.Lost, tally.Outcome(Five));
    }

    [Fact]
    public void Record_SecondAnswerOfAVoter_IsIgnored()
    {
        var tally = new VoteTally();
        tally.Record(new NodeId(2), false);
        tally.Record(new NodeId(2), true);
        tally.Record(new NodeId(1), true);

        Assert.Equal(VoteOutcome.Pending, tally.Outcome(Configuration.OfVoters(new NodeId(1), new NodeId(2), new NodeId(3))));
    }
}
