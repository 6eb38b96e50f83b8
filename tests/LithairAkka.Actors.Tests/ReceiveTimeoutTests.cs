using Xunit.Abstractions;

namespace LithairAkka.Actors.Tests;

public class ReceiveTimeoutTests(ITestOutputHelper output) : FakeTimeTestKit(output)
{
    private sealed class Idle : ReceiveActor
    {
        public Idle(IActorRef probe)
        {
            SetReceiveTimeout(TimeSpan.FromSeconds(1));
            Receive<ReceiveTimeout>(_ => probe.Tell("timeout"));
            Receive<string>(s => s == "off", _ =>
            {
                SetReceiveTimeout(null);
                Sender.Tell("off");
            });
            Receive<string>(s => Sender.Tell("ack:" + s));
            Receive<Identify>(_ => { });
        }
    }

    [Fact]
    public void ReceiveTimeout_NoMessages_IsDelivered()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new Idle(probe.Ref)));
        actor.Tell("started");
        ExpectMsg("ack:started");

        Time.Advance(TimeSpan.FromSeconds(1));

        probe.ExpectMsg("timeout");
    }

    [Fact]
    public void ReceiveTimeout_ActivityPostponesIt()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new Idle(probe.Ref)));
        actor.Tell("started");
        ExpectMsg("ack:started");

        Time.Advance(TimeSpan.FromMilliseconds(600));
        actor.Tell("activity");
        ExpectMsg("ack:activity");
        Time.Advance(TimeSpan.FromMilliseconds(600));
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        Time.Advance(TimeSpan.FromMilliseconds(400));
        probe.ExpectMsg("timeout");
    }

    [Fact]
    public void ReceiveTimeout_RepeatsWhileIdle()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new Idle(probe.Ref)));
        actor.Tell("started");
        ExpectMsg("ack:started");

        Time.Advance(TimeSpan.FromSeconds(1));
        probe.ExpectMsg("timeout");
        AwaitCondition(() => Time.ActiveTimerCount > 0);
        Time.Advance(TimeSpan.FromSeconds(1));
        probe.ExpectMsg("timeout");
    }

    [Fact]
    public void SetReceiveTimeout_Null_CancelsIt()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new Idle(probe.Ref)));
        actor.Tell("off");
        ExpectMsg("off");

        Time.Advance(TimeSpan.FromSeconds(5));

        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }
}
