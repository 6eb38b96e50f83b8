using Xunit.Abstractions;

namespace LithairAkka.Actors.Tests;

public class AllForOneStrategyTests(ITestOutputHelper output) : LithairAkka.TestKit.Xunit2.TestKit(output: output)
{
    private (IActorRef First, IActorRef Second) CreateChildren(SupervisorStrategy strategy, IActorRef probe1, IActorRef probe2)
    {
        var supervisor = Sys.ActorOf(Props.Create(() => new Supervisor(strategy)));
        supervisor.Tell(Props.Create(() => new LifecycleActor(probe1)));
        var first = ExpectMsg<IActorRef>();
        supervisor.Tell(Props.Create(() => new LifecycleActor(probe2)));
        var second = ExpectMsg<IActorRef>();
        return (first, second);
    }

    [Fact]
    public void Restart_RestartsAllChildren()
    {
        var p1 = CreateTestProbe();
        var p2 = CreateTestProbe();
        var (first, second) = CreateChildren(new AllForOneStrategy(_ => Directive.Restart), p1.Ref, p2.Ref);
        p1.ExpectMsg("ctor");
        p1.ExpectMsg("preStart");
        p2.ExpectMsg("ctor");
        p2.ExpectMsg("preStart");
        second.Tell("inc");
        second.Tell("state");
        ExpectMsg(1);

        first.Tell("fail");

        p1.ExpectMsg("preRestart:fail:fail");
        p2.ExpectMsg<string>(s => s.StartsWith("preRestart:fail", StringComparison.Ordinal));
        p2.FishForMessage<string>(s => s == "preStart");
        second.Tell("state");
        ExpectMsg(0);
    }

    [Fact]
    public void Stop_StopsAllChildren()
    {
        var (first, second) = CreateChildren(new AllForOneStrategy(_ => Directive.Stop), CreateTestProbe().Ref, CreateTestProbe().Ref);
        Watch(first);
        Watch(second);

        first.Tell("fail");

        ExpectMsgAllOf(new Terminated(first, true, false), new Terminated(second, true, false));
    }

    [Fact]
    public void Resume_ResumesOnlyTheFailedChild()
    {
        var p1 = CreateTestProbe();
        var p2 = CreateTestProbe();
        var (first, second) = CreateChildren(new AllForOneStrategy(_ => Directive.Resume), p1.Ref, p2.Ref);
        first.Tell("inc");
        second.Tell("inc");

        first.Tell("fail");

        first.Tell("state");
        ExpectMsg(1);
        second.Tell("state");
        ExpectMsg(1);
    }

    [Fact]
    public void Restart_AnyChildOutOfRetries_StopsAll()
    {
        var (first, second) = CreateChildren(new AllForOneStrategy(1, null, _ => Directive.Restart), CreateTestProbe().Ref, CreateTestProbe().Ref);
        Watch(first);
        Watch(second);

        first.Tell("fail");
        first.Tell("state");
        ExpectMsg(0);
        first.Tell("fail");

        ExpectMsgAllOf(new Terminated(first, true, false), new Terminated(second, true, false));
    }
}
