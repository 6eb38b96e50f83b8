using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Tests.Consensus;

public class ConfigChangeEntryTests
{
    [Fact]
    public void Decode_OfEncode_RoundTrips()
    {
        var entry = new ConfigChangeEntry(
            ConfigChange.PromoteLearner(new NodeId(9)),
            new Configuration([new NodeId(1), new NodeId(9)], [new NodeId(-4)]));

        var decoded = ConfigChangeEntry.Decode(entry.Encode());

        Assert.Equal(entry.Change, decoded.Change);
        Assert.Equal(entry.Result, decoded.Result);
    }

    [Fact]
    public void Decode_TruncatedOrTrailingBytes_Throws()
    {
        var bytes = new ConfigChangeEntry(ConfigChange.AddLearner(new NodeId(2)), Configuration.OfVoters(new NodeId(1))).Encode();

        Assert.Throws<FormatException>(() => ConfigChangeEntry.Decode(bytes.AsSpan(0, bytes.Length - 1)));
        Assert.Throws<FormatException>(() => ConfigChangeEntry.Decode([.. bytes, 0]));
    }
}
