using LithairAkka.Actors.Event;
using LithairAkka.TestKit;
using Xunit.Abstractions;

namespace LithairAkka.Actors.Tests;

public class OneForOneStrategyTests : LithairAkka.TestKit.Xunit2.TestKit
{
    public OneForOneStrategyTests(ITestOutputHelper output)
        : this(new FakeTimeProvider(), output)
    {
    }

    private OneForOneStrategyTests(FakeTimeProvider time, ITestOutputHelper output)
        : base(null, ActorSystemSetup.Empty.WithTimeProvider(time), output)
    {
        Time = time;
    }

    private FakeTimeProvider Time { get; }

    private IActorRef CreateChild(SupervisorStrategy strategy, IActorRef probe, out IActorRef supervisor)
    {
        supervisor = Sys.ActorOf(Props.Create(() => new Supervisor(strategy)));
        supervisor.Tell(Props.Create(() => new LifecycleActor(probe)));
        var child = ExpectMsg<IActorRef>();
        return child;
    }

    [Fact]
    public void Resume_KeepsInstanceAndState()
    {
        var probe = CreateTestProbe();
        var child = CreateChild(new OneForOneStrategy(_ => Directive.Resume), probe.Ref, out _);
        probe.ExpectMsg("ctor");
        probe.ExpectMsg("preStart");
        child.Tell("inc");

        EventFilter.Warning(contains: "fail").ExpectOne(() => child.Tell("fail"));

        child.Tell("state");
        ExpectMsg(1);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Restart_CreatesFreshInstance()
    {
        var probe = CreateTestProbe();
        var child = CreateChild(new OneForOneStrategy(_ => Directive.Restart), probe.Ref, out _);
        probe.ExpectMsg("ctor");
        probe.ExpectMsg("preStart");
        child.Tell("inc");

        EventFilter.Error<InvalidOperationException>().ExpectOne(() => child.Tell("fail"));

        probe.FishForMessage<string>(s => s == "preStart");
        child.Tell("state");
        ExpectMsg(0);
    }

    [Fact]
    public void Stop_TerminatesChild()
    {
        var probe = CreateTestProbe();
        var child = CreateChild(new OneForOneStrategy(_ => Directive.Stop), probe.Ref, out _);
        Watch(child);

        child.Tell("fail");

        ExpectTerminated(child);
    }

    [Fact]
    public void Escalate_FailsTheSupervisorWhoseParentRestartsIt()
    {
        var probe = CreateTestProbe();
        var child = CreateChild(new OneForOneStrategy(_ => Directive.Escalate), probe.Ref, out var supervisor);
        probe.ExpectMsg("ctor");
        probe.ExpectMsg("preStart");
        Watch(child);

        // The user guardian restarts the supervisor, whose default PreRestart stops the child.
        EventFilter.Error<InvalidOperationException>(source: supervisor.Path.ToString()).ExpectOne(() => child.Tell("fail"));

        probe.ExpectMsg("postStop");
        ExpectTerminated(child);
        supervisor.Tell(Props.Create<EchoActor>());
        ExpectMsg<IActorRef>();
    }

    [Fact]
    public void Restart_BeyondMaxRetriesWithinWindow_StopsChild()
    {
        var probe = CreateTestProbe();
        var child = CreateChild(new OneForOneStrategy(2, TimeSpan.FromMinutes(1), _ => Directive.Restart), probe.Ref, out _);
        Watch(child);

        child.Tell("fail");
        probe.FishForMessage<string>(s => s == "postRestart:fail");
        child.Tell("fail");
        probe.FishForMessage<string>(s => s == "postRestart:fail");
        child.Tell("fail");

        ExpectTerminated(child);
    }

    [Fact]
    public void Restart_WindowElapsed_CountStartsOver()
    {
        var probe = CreateTestProbe();
        var child = CreateChild(new OneForOneStrategy(1, TimeSpan.FromMinutes(1), _ => Directive.Restart), probe.Ref, out _);
        Watch(child);

        child.Tell("fail");
        probe.FishForMessage<string>(s => s == "postRestart:fail");
        Time.Advance(TimeSpan.FromMinutes(2));
        child.Tell("fail");
        probe.FishForMessage<string>(s => s == "postRestart:fail");
        child.Tell("state");
        ExpectMsg(0);

        child.Tell("fail");
        ExpectTerminated(child);
    }

    [Fact]
    public void MaxRetriesZero_StopsOnFirstFailure()
    {
        var probe = CreateTestProbe();
        var child = CreateChild(new OneForOneStrategy(0, null, _ => Directive.Restart), probe.Ref, out _);
        Watch(child);

        child.Tell("fail");

        ExpectTerminated(child);
    }

    [Fact]
    public async Task Failure_SuspendsTheFailedActorUntilDecision()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var decided = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var strategy = new OneForOneStrategy(_ =>
        {
            decided.TrySetResult();
            gate.Task.Wait(TimeSpan.FromSeconds(10));
            return Directive.Resume;
        });
        var probe = CreateTestProbe();
        var child = CreateChild(strategy, probe.Ref, out _);
        probe.ExpectMsg("ctor");
        probe.ExpectMsg("preStart");

        child.Tell("fail");
        await decided.Task.WaitAsync(TimeSpan.FromSeconds(5));
        child.Tell("state");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        gate.SetResult();
        ExpectMsg(0);
    }

    private sealed class ParentWithChild : ReceiveActor
    {
        public ParentWithChild()
        {
            var child = Context.ActorOf(Props.Create<EchoActor>(), "child");
            Receive<string>(s => s == "child", _ => Sender.Tell(child));
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("parent failed"));
        }
    }

    [Fact]
    public async Task Failure_SuspendsChildrenOfTheFailedActorUntilDecision()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var decided = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var strategy = new OneForOneStrategy(_ =>
        {
            decided.TrySetResult();
            gate.Task.Wait(TimeSpan.FromSeconds(10));
            return Directive.Resume;
        });
        var grandparent = Sys.ActorOf(Props.Create(() => new Supervisor(strategy)));
        grandparent.Tell(Props.Create<ParentWithChild>());
        var parent = ExpectMsg<IActorRef>();
        parent.Tell("child");
        var child = ExpectMsg<IActorRef>();

        parent.Tell("fail");
        await decided.Task.WaitAsync(TimeSpan.FromSeconds(5));
        child.Tell("ping");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        gate.SetResult();
        ExpectMsg("ping");
    }

    [Fact]
    public void DefaultDecider_MapsAkkaExceptions()
    {
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider(new ActorInitializationException()));
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider(new ActorKilledException()));
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider(new DeathPactException()));
        Assert.Equal(Directive.Restart, SupervisorStrategy.DefaultDecider(new InvalidOperationException()));
    }

    [Fact]
    public void LoggingDisabled_PublishesNoError()
    {
        var probe = CreateTestProbe();
        var child = CreateChild(new OneForOneStrategy(null, null, _ => Directive.Restart, loggingEnabled: false), probe.Ref, out _);

        EventFilter.Error().Expect(0, () =>
        {
            child.Tell("fail");
            probe.FishForMessage<string>(s => s == "postRestart:fail");
        }, TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void UnhandledMessage_IsPublished()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(UnhandledMessage));
        var child = Sys.ActorOf(Props.Create(() => new LifecycleActor(CreateTestProbe().Ref)));

        child.Tell(42);

        Assert.Equal(42, ExpectMsg<UnhandledMessage>().Message);
    }
}
