using LithairAkka.Remote.Transport;
using LithairAkka.Remote.Transport.FaultInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LithairAkka.Remote.Tests.Transport.FaultInjection;

public sealed class FaultInjectorTests
{
    private static readonly RemoteAddress Peer = new("127.0.0.1", 4054);
    private static readonly RemoteAddress Other = new("127.0.0.1", 4055);

    [Fact]
    public void Blackhole_Send_DropsOnlyOutbound()
    {
        var faults = new FaultInjector(NullLogger.Instance);

        faults.Blackhole(Peer, FaultDirection.Send);

        var rule = faults.Find(Peer)!;
        Assert.True(rule.ShouldDrop(outbound: true));
        Assert.False(rule.ShouldDrop(outbound: false));
        Assert.Null(faults.Find(Other));
    }

    [Fact]
    public void Blackhole_Receive_DropsOnlyInbound()
    {
        var faults = new FaultInjector(NullLogger.Instance);

        faults.Blackhole(Peer, FaultDirection.Receive);

        Assert.False(faults.Find(Peer)!.ShouldDrop(outbound: true));
        Assert.True(faults.Find(Peer)!.ShouldDrop(outbound: false));
    }

    [Fact]
    public void Rules_Combined_KeepEachOther()
    {
        var faults = new FaultInjector(NullLogger.Instance);

        faults.Delay(Peer, TimeSpan.FromMilliseconds(250));
        faults.Blackhole(Peer);

        var rule = faults.Rules[Peer];
        Assert.Equal(TimeSpan.FromMilliseconds(250), rule.Delay);
        Assert.Equal(FaultDirection.Both, rule.Blackhole);
        Assert.Equal("blackhole both, delay 250ms", rule.ToString());
    }

    [Fact]
    public void Drop_SameSeed_SameDecisions()
    {
        var first = new FaultInjector(NullLogger.Instance);
        var second = new FaultInjector(NullLogger.Instance);

        first.Drop(Peer, 0.5, seed: 7);
        second.Drop(Peer, 0.5, seed: 7);

        var a = Enumerable.Range(0, 200).Select(_ => first.Find(Peer)!.ShouldDrop(true)).ToArray();
        var b = Enumerable.Range(0, 200).Select(_ => second.Find(Peer)!.ShouldDrop(true)).ToArray();
        Assert.Equal(a, b);
        Assert.InRange(a.Count(d => d), 60, 140);
    }

    [Fact]
    public void Drop_FractionOutOfRange_Throws()
    {
        var faults = new FaultInjector(NullLogger.Instance);

        Assert.Throws<ArgumentOutOfRangeException>(() => faults.Drop(Peer, 1.5, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.Drop(Peer, -0.1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.Delay(Peer, TimeSpan.FromMilliseconds(-1)));
    }

    [Fact]
    public void Heal_OnePeer_RemovesOnlyItsRules()
    {
        var faults = new FaultInjector(NullLogger.Instance);
        faults.Blackhole(Peer);
        faults.Blackhole(Other);

        Assert.True(faults.Heal(Peer));

        Assert.False(faults.Heal(Peer));
        Assert.Equal([Other], faults.Rules.Keys);
        faults.Heal();
        Assert.Empty(faults.Rules);
        Assert.False(faults.IsActive);
    }

    [Fact]
    public void Delay_Zero_RemovesAnOtherwiseEmptyRule()
    {
        var faults = new FaultInjector(NullLogger.Instance);
        faults.Delay(Peer, TimeSpan.FromSeconds(1));

        faults.Delay(Peer, TimeSpan.Zero);

        Assert.Empty(faults.Rules);
    }

    [Theory]
    [InlineData("both", FaultDirection.Both)]
    [InlineData("SEND", FaultDirection.Send)]
    [InlineData("receive", FaultDirection.Receive)]
    public void ParseDirection_RouteValues_Parse(string text, FaultDirection expected) =>
        Assert.Equal(expected, FaultInjector.ParseDirection(text));

    [Theory]
    [InlineData("sideways")]
    [InlineData("1")]
    [InlineData("")]
    public void ParseDirection_OtherValues_Throw(string text) =>
        Assert.Throws<FormatException>(() => FaultInjector.ParseDirection(text));
}
