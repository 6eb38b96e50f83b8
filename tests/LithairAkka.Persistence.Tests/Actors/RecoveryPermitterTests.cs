using LithairAkka.Actors;
using LithairAkka.Persistence.Tests.Support;
using Xunit.Abstractions;

namespace LithairAkka.Persistence.Tests.Actors;

/// <summary>The recovery permitter alone, and <c>max-concurrent-recoveries</c> with persistent actors.</summary>
public class RecoveryPermitterTests(ITestOutputHelper output) : LithairAkka.TestKit.Xunit2.TestKit(output: output)
{
    private readonly List<ActorSystem> _systems = [];

    [Fact]
    public void Request_UnderTheLimit_IsGrantedAtOnce()
    {
        var permitter = Sys.ActorOf(Props.Create(() => new RecoveryPermitter(2)));
        var a = CreateTestProbe();
        var b = CreateTestProbe();

        permitter.Tell(RecoveryPermitter.RequestRecoveryPermit.Instance, a.Ref);
        permitter.Tell(RecoveryPermitter.RequestRecoveryPermit.Instance, b.Ref);

        a.ExpectMsg<RecoveryPermitter.RecoveryPermitGranted>();
        b.ExpectMsg<RecoveryPermitter.RecoveryPermitGranted>();
    }

    [Fact]
    public void Request_OverTheLimit_WaitsForAReturnInArrivalOrder()
    {
        var permitter = Sys.ActorOf(Props.Create(() => new RecoveryPermitter(1)));
        var holder = CreateTestProbe();
        var second = CreateTestProbe();
        var third = CreateTestProbe();
        permitter.Tell(RecoveryPermitter.RequestRecoveryPermit.Instance, holder.Ref);
        holder.ExpectMsg<RecoveryPermitter.RecoveryPermitGranted>();

        permitter.Tell(RecoveryPermitter.RequestRecoveryPermit.Instance, second.Ref);
        permitter.Tell(RecoveryPermitter.RequestRecoveryPermit.Instance, third.Ref);
        second.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        permitter.Tell(RecoveryPermitter.ReturnRecoveryPermit.Instance, holder.Ref);
        second.ExpectMsg<RecoveryPermitter.RecoveryPermitGranted>();
        third.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        permitter.Tell(RecoveryPermitter.ReturnRecoveryPermit.Instance, second.Ref);
        third.ExpectMsg<RecoveryPermitter.RecoveryPermitGranted>();
    }

    [Fact]
    public void Holder_Stops_ItsPermitGoesToTheNextWaiter()
    {
        var permitter = Sys.ActorOf(Props.Create(() => new RecoveryPermitter(1)));
        var holder = CreateTestProbe();
        var waiter = CreateTestProbe();
        permitter.Tell(RecoveryPermitter.RequestRecoveryPermit.Instance, holder.Ref);
        holder.ExpectMsg<RecoveryPermitter.RecoveryPermitGranted>();
        permitter.Tell(RecoveryPermitter.RequestRecoveryPermit.Instance, waiter.Ref);

        Sys.Stop(holder.Ref);

        waiter.ExpectMsg<RecoveryPermitter.RecoveryPermitGranted>();
    }

    [Fact]
    public void Request_ByAHolderAgain_IsGrantedWithoutASecondPermit()
    {
        var permitter = Sys.ActorOf(Props.Create(() => new RecoveryPermitter(1)));
        var holder = CreateTestProbe();
        var waiter = CreateTestProbe();
        permitter.Tell(RecoveryPermitter.RequestRecoveryPermit.Instance, holder.Ref);
        holder.ExpectMsg<RecoveryPermitter.RecoveryPermitGranted>();
        permitter.Tell(RecoveryPermitter.RequestRecoveryPermit.Instance, waiter.Ref);

        permitter.Tell(RecoveryPermitter.RequestRecoveryPermit.Instance, holder.Ref);

        holder.ExpectMsg<RecoveryPermitter.RecoveryPermitGranted>();
        permitter.Tell(RecoveryPermitter.ReturnRecoveryPermit.Instance, holder.Ref);
        waiter.ExpectMsg<RecoveryPermitter.RecoveryPermitGranted>();
    }

    [Fact]
    public void MaxConcurrentRecoveries_ManyActorsStarting_AtMostThatManyReplayAtOnce()
    {
        var gate = JournalGate.Create();
        gate.HoldReplays = true;
        var system = StartSystem(gate, maxRecoveries: 2);
        var monitor = CreateTestProbe();
        for (var i = 0; i < 6; i++)
        {
            var pid = "mcr-" + i;
            system.ActorOf(Props.Create(() => new ProbeActor(pid, monitor.Ref, null)));
        }

        AwaitCondition(() => gate.ActiveReplays == 2);
        monitor.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Equal(2, gate.ActiveReplays);

        gate.ReleaseReplays();

        for (var i = 0; i < 6; i++)
        {
            monitor.ExpectMsg<ProbeActor.Recovered>();
        }

        Assert.Equal(2, gate.MaxActiveReplays);
    }

    [Fact]
    public void MaxConcurrentRecoveries_AFailedRecovery_ReturnsItsPermit()
    {
        var gate = JournalGate.Create();
        var system = StartSystem(gate, maxRecoveries: 1, journal: "fail-replay-of = \"broken-\"");
        var monitor = CreateTestProbe();

        system.ActorOf(Props.Create(() => new ProbeActor("broken-1", monitor.Ref, null)));
        monitor.ExpectMsg<ProbeActor.RecoveryFailed>();

        system.ActorOf(Props.Create(() => new ProbeActor("healthy-1", monitor.Ref, null)));

        monitor.ExpectMsg<ProbeActor.Recovered>();
    }

    protected override void Dispose(bool disposing)
    {
        foreach (var system in _systems)
        {
            system.Terminate().Wait(TimeSpan.FromSeconds(10));
        }

        base.Dispose(disposing);
    }

    private ActorSystem StartSystem(JournalGate gate, int maxRecoveries, string journal = "")
    {
        var system = ActorSystem.Create(
            "permits-" + gate.Id[..8],
            FaultyConfig.Create(
                journal: $"gate = \"{gate.Id}\"\n{journal}",
                extra: $"akka.persistence.max-concurrent-recoveries = {maxRecoveries}"));
        _systems.Add(system);
        return system;
    }
}
