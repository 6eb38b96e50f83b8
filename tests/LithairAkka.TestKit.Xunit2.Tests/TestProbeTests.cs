using LithairAkka.Actors;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace LithairAkka.TestKit.Xunit2.Tests;

public class TestProbeTests(ITestOutputHelper output) : TestKit(output: output)
{
    private sealed class Asker : ReceiveActor
    {
        public Asker(IActorRef target) => Receive<string>(s => target.Tell("question:" + s));
    }

    [Fact]
    public void Probe_HasOwnQueue()
    {
        var probe = CreateTestProbe();

        probe.Ref.Tell("for probe");

        probe.ExpectMsg("for probe");
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Reply_AnswersLastSender()
    {
        var probe = CreateTestProbe();

        probe.Ref.Tell("question", TestActor);
        probe.ExpectMsg("question");
        probe.Reply("answer");

        ExpectMsg("answer");
        Assert.Equal(probe.Ref, LastSender);
    }

    [Fact]
    public void Forward_KeepsOriginalSender()
    {
        var probe = CreateTestProbe();
        var other = CreateTestProbe();

        probe.Ref.Tell("hop", TestActor);
        probe.ExpectMsg("hop");
        probe.Forward(other.Ref);

        other.ExpectMsg("hop");
        Assert.Equal(TestActor, other.Sender);
    }

    [Fact]
    public void Probe_AsActorRef_ReceivesMessages()
    {
        var probe = CreateTestProbe();
        var asker = Sys.ActorOf(Props.Create(() => new Asker(probe)));

        asker.Tell("x");

        probe.ExpectMsg("question:x");
        Assert.True(probe.Equals(probe.Ref));
    }

    [Fact]
    public void Probe_Failure_ReportsClearly()
    {
        var probe = CreateTestProbe();

        var e = Assert.ThrowsAny<XunitException>(() => probe.ExpectMsg<int>(TimeSpan.FromMilliseconds(50)));

        Assert.Contains("while waiting for message of type Int32", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_Watch_SeesTermination()
    {
        var probe = CreateTestProbe();
        var target = CreateTestProbe();
        probe.Watch(target.Ref);

        Sys.Stop(target.Ref);

        probe.ExpectTerminated(target.Ref);
    }
}
