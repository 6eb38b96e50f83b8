namespace LithairAkka.Persistence.Tests.Snapshot;

public class SnapshotSelectionCriteriaTests
{
    private static readonly DateTime Noon = new(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(5, true)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    [InlineData(2, false)]
    public void IsMatch_SequenceNrBounds_AreInclusive(long sequenceNr, bool expected)
    {
        var criteria = new SnapshotSelectionCriteria(10, DateTime.MaxValue, MinSequenceNr: 5);

        Assert.Equal(expected, criteria.IsMatch(new SnapshotMetadata("p", sequenceNr, Noon)));
    }

    [Fact]
    public void IsMatch_TimestampBounds_AreInclusive()
    {
        var criteria = new SnapshotSelectionCriteria(long.MaxValue, Noon, MinTimestamp: Noon.AddHours(-1));

        Assert.True(criteria.IsMatch(new SnapshotMetadata("p", 1, Noon)));
        Assert.True(criteria.IsMatch(new SnapshotMetadata("p", 1, Noon.AddHours(-1))));
        Assert.False(criteria.IsMatch(new SnapshotMetadata("p", 1, Noon.AddTicks(1))));
        Assert.False(criteria.IsMatch(new SnapshotMetadata("p", 1, Noon.AddHours(-2))));
    }

    [Fact]
    public void Limit_LowerBound_LowersMaxSequenceNrOnly()
    {
        Assert.Equal(7, SnapshotSelectionCriteria.Latest.Limit(7).MaxSequenceNr);
        Assert.Equal(3, new SnapshotSelectionCriteria(3, DateTime.MaxValue).Limit(7).MaxSequenceNr);
    }

    [Fact]
    public void None_MatchesNoSnapshotWithATimestamp()
    {
        Assert.False(SnapshotSelectionCriteria.None.IsMatch(new SnapshotMetadata("p", 0, Noon)));
        Assert.True(SnapshotSelectionCriteria.Latest.IsMatch(new SnapshotMetadata("p", long.MaxValue, Noon)));
    }
}
