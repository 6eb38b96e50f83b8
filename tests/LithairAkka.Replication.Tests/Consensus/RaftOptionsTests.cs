using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Tests.Consensus;

public class RaftOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        new RaftOptions().Validate();
    }

    [Theory]
    [InlineData(10, 20, 0, "HeartbeatTicks")]
    [InlineData(10, 5, 1, "ElectionTimeoutMaxTicks")]
    [InlineData(1, 20, 1, "ElectionTimeoutMinTicks")]
    public void Validate_Inconsistent_ThrowsNamingTheProperty(int min, int max, int heartbeat, string property)
    {
        var options = new RaftOptions { ElectionTimeoutMinTicks = min, ElectionTimeoutMaxTicks = max, HeartbeatTicks = heartbeat };

        var error = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Equal(property, error.ParamName);
    }
}
