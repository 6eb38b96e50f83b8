using static LithairAkka.Cluster.Tests.TestNodes;

namespace LithairAkka.Cluster.Tests;

public sealed class UniqueAddressTests
{
    [Fact]
    public void Equals_SameAddressAndUid_AreEqual()
    {
        Assert.Equal(Node(1), Node(1));
        Assert.Equal(Node(1).GetHashCode(), Node(1).GetHashCode());
    }

    [Fact]
    public void Equals_DifferentUid_AreDifferentIncarnations() => Assert.NotEqual(Node(1, uid: 1), Node(1, uid: 2));

    [Fact]
    public void CompareTo_SameAddress_OrdersByUid()
    {
        Assert.True(Node(1, uid: 1).CompareTo(Node(1, uid: 2)) < 0);
        Assert.True(Node(1, uid: 2).CompareTo(Node(1, uid: 1)) > 0);
        Assert.Equal(0, Node(1).CompareTo(Node(1)));
    }

    [Fact]
    public void CompareTo_DifferentPorts_OrdersByPort()
    {
        Assert.True(Node(1).CompareTo(Node(2)) < 0);
        Assert.True(Node(10).CompareTo(Node(2)) > 0);
    }

    [Fact]
    public void CompareTo_SameHostPortDifferentSystem_DoesNotCompareEqual()
    {
        var a = new UniqueAddress(new Actors.Address("akka.tcp", "a", "h", 1), 1);
        var b = new UniqueAddress(new Actors.Address("akka.tcp", "b", "h", 1), 1);
        Assert.NotEqual(0, a.CompareTo(b));
        Assert.Equal(-Math.Sign(a.CompareTo(b)), Math.Sign(b.CompareTo(a)));
    }

    [Fact]
    public void ToString_Node_ShowsAddressAndUid() => Assert.Equal("akka.tcp://sys@127.0.0.1:2551#1001", Node(1).ToString());

    [Fact]
    public void Constructor_NullAddress_Throws() => Assert.Throws<ArgumentNullException>(() => new UniqueAddress(null!, 1));
}
