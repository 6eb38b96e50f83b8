using LithairAkka.Chaos.Nemesis;

namespace LithairAkka.Chaos.Tests.Nemesis;

public class ResolvedFaultTests
{
    [Theory]
    [InlineData(3, new[] { 0 }, true)]
    [InlineData(3, new[] { 0, 1 }, false)]
    [InlineData(5, new[] { 0, 1 }, true)]
    [InlineData(5, new[] { 0, 1, 2 }, false)]
    public void KeepsMajority_KilledNodes_AtMostAMinority(int nodes, int[] killed, bool expected) =>
        Assert.Equal(expected, new ResolvedFault("test", killed, [], [], []).KeepsMajority(nodes));

    [Theory]
    [InlineData(3, new[] { 0 }, new[] { 1, 2 }, true)]
    [InlineData(3, new[] { 0 }, new[] { 2 }, true)]
    [InlineData(4, new[] { 0, 1 }, new[] { 2, 3 }, false)]
    [InlineData(5, new[] { 0, 1 }, new[] { 3, 4 }, true)]
    [InlineData(3, new[] { 0, 1 }, new[] { 1, 2 }, false)]
    [InlineData(3, new[] { 0 }, new int[0], false)]
    public void KeepsMajority_Partition_NeedsAStrictMinorityOnOneSide(int nodes, int[] sideA, int[] sideB, bool expected) =>
        Assert.Equal(expected, new ResolvedFault("test", [], [], sideA, sideB).KeepsMajority(nodes));
}
