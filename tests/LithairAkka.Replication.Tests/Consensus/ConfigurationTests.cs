using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Tests.Consensus;

public class ConfigurationTests
{
    private static readonly NodeId A = new(1), B = new(2), C = new(3), D = new(4);

    [Fact]
    public void Quorum_IsMajorityOfVoters()
    {
        Assert.Equal(0, Configuration.Empty.Quorum);
        Assert.Equal(1, Configuration.OfVoters(A).Quorum);
        Assert.Equal(2, Configuration.OfVoters(A, B).Quorum);
        Assert.Equal(2, new Configuration([A, B, C], [D]).Quorum);
    }

    [Fact]
    public void Apply_AddPromoteRemove_ProducesExpectedMembership()
    {
        var configuration = Configuration.OfVoters(A, B)
            .Apply(ConfigChange.AddLearner(C))
            .Apply(ConfigChange.PromoteLearner(C))
            .Apply(ConfigChange.RemoveNode(A));

        Assert.Equal(Configuration.OfVoters(B, C), configuration);
    }

    [Fact]
    public void CanApply_InvalidChanges_Refused()
    {
        var configuration = new Configuration([A], [B]);

        Assert.False(configuration.CanApply(ConfigChange.AddLearner(A), out _));
        Assert.False(configuration.CanApply(ConfigChange.PromoteLearner(A), out _));
        Assert.False(configuration.CanApply(ConfigChange.RemoveNode(C), out _));
        Assert.False(configuration.CanApply(ConfigChange.RemoveNode(A), out var reason));
        Assert.Contains("last voter", reason, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => configuration.Apply(ConfigChange.RemoveNode(A)));
    }

    [Fact]
    public void Constructor_NodeBothVoterAndLearner_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Configuration([A], [A]));
    }
}
