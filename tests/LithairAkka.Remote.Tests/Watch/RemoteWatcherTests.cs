using LithairAkka.Actors;
using LithairAkka.Remote.Events;
using LithairAkka.Remote.Tests.Support;
using LithairAkka.Remote.Transport.FaultInjection;
using Xunit.Abstractions;
using Kit = LithairAkka.TestKit.Xunit2.TestKit;

namespace LithairAkka.Remote.Tests.DeathWatch;

[Collection(MultiNodeCollection.Name)]
public sealed class RemoteWatcherTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private readonly RemoteNodes _nodes = new(output);

    public void Dispose() => _nodes.Dispose();

    [Fact]
    public async Task Watch_RemoteActorStops_WatcherGetsTerminatedWithExistenceConfirmed()
    {
        var a = _nodes.Start();
        var b = _nodes.Start();
        var target = b.Sys.ActorOf(Props.Create(() => new EchoActor()), "target");
        var remoteTarget = RemoteNodes.RemoteRef(a, b, target);
        var probe = a.CreateTestProbe();
        a.Sys.ActorOf(Props.Create(() => new WatchingActor(remoteTarget, probe.Ref)), "watcher");
        Assert.Equal("watching", await probe.ExpectMsgAsync<string>(Deadline));
        await WatchedAsync(remoteTarget);

        b.Sys.Stop(target);

        var terminated = await probe.ExpectMsgAsync<WatchedTerminated>(Deadline);
        Assert.Equal(remoteTarget, terminated.ActorRef);
        Assert.True(terminated.ExistenceConfirmed);
        Assert.False(terminated.AddressTerminated);
        await AwaitStatsAsync(a, refs: 0);
    }

    [Fact]
    public async Task Watch_RemoteActorThatDoesNotExist_WatcherGetsTerminatedWithoutExistence()
    {
        var a = _nodes.Start();
        var b = _nodes.Start();
        var ghost = ((ExtendedActorSystem)a.Sys).Provider.ResolveActorRef(RemoteNodes.AddressOf(b) + "/user/ghost");
        var probe = a.CreateTestProbe();

        a.Sys.ActorOf(Props.Create(() => new WatchingActor(ghost, probe.Ref)), "watcher");

        Assert.Equal("watching", await probe.ExpectMsgAsync<string>(Deadline));
        var terminated = await probe.ExpectMsgAsync<WatchedTerminated>(Deadline);
        Assert.Equal(ghost, terminated.ActorRef);
        Assert.False(terminated.ExistenceConfirmed);
    }

    [Fact]
    public async Task Unwatch_RemoteActorStopsAfterwards_NoTerminatedArrives()
    {
        var a = _nodes.Start();
        var b = _nodes.Start();
        var target = b.Sys.ActorOf(Props.Create(() => new EchoActor()), "target");
        var remoteTarget = RemoteNodes.RemoteRef(a, b, target);
        var probe = a.CreateTestProbe();
        var watcher = a.Sys.ActorOf(Props.Create(() => new WatchingActor(remoteTarget, probe.Ref)), "watcher");
        Assert.Equal("watching", await probe.ExpectMsgAsync<string>(Deadline));
        await WatchedAsync(remoteTarget);

        watcher.Tell("unwatch", null);
        Assert.Equal("unwatched", await probe.ExpectMsgAsync<string>(Deadline));
        await AwaitStatsAsync(a, refs: 0);
        b.Sys.Stop(target);

        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task Watch_RemoteSystemTerminates_WatcherGetsTerminated()
    {
        var a = _nodes.Start();
        var b = _nodes.Start();
        var target = b.Sys.ActorOf(Props.Create(() => new EchoActor()), "target");
        var remoteTarget = RemoteNodes.RemoteRef(a, b, target);
        var probe = a.CreateTestProbe();
        a.Sys.ActorOf(Props.Create(() => new WatchingActor(remoteTarget, probe.Ref)), "watcher");
        Assert.Equal("watching", await probe.ExpectMsgAsync<string>(Deadline));
        await WatchedAsync(remoteTarget);

        await RemoteNodes.StopAsync(b);

        var terminated = await probe.ExpectMsgAsync<WatchedTerminated>(Deadline);
        Assert.Equal(remoteTarget, terminated.ActorRef);
    }

    [Fact]
    public async Task Watch_RemoteNodeFallsSilent_FailureDetectorTerminatesWatchersAndQuarantines()
    {
        var a = _nodes.Start();
        var b = _nodes.Start();
        var target = b.Sys.ActorOf(Props.Create(() => new EchoActor()), "target");
        var remoteTarget = RemoteNodes.RemoteRef(a, b, target);
        var probe = a.CreateTestProbe();
        var events = a.CreateTestProbe();
        a.Sys.EventStream.Subscribe(events.Ref, typeof(AddressTerminated));
        a.Sys.EventStream.Subscribe(events.Ref, typeof(QuarantinedEvent));
        a.Sys.ActorOf(Props.Create(() => new WatchingActor(remoteTarget, probe.Ref)), "watcher");
        Assert.Equal("watching", await probe.ExpectMsgAsync<string>(Deadline));
        await WatchedAsync(remoteTarget);
        var bUid = RemoteExtension.Get(b.Sys).Uid;

        RemoteExtension.Get(a.Sys).Faults.Blackhole(RemoteExtension.ToRemoteAddress(RemoteNodes.AddressOf(b)), FaultDirection.Both);

        var terminated = await probe.ExpectMsgAsync<WatchedTerminated>(Deadline);
        Assert.Equal(remoteTarget, terminated.ActorRef);
        Assert.False(terminated.ExistenceConfirmed);
        Assert.True(terminated.AddressTerminated);
        object[] published = [await events.ExpectMsgAsync<object>(Deadline), await events.ExpectMsgAsync<object>(Deadline)];
        var quarantined = Assert.Single(published.OfType<QuarantinedEvent>());
        Assert.Equal(RemoteNodes.AddressOf(b), quarantined.Address);
        Assert.Equal(bUid, quarantined.Uid);
        Assert.Equal(RemoteNodes.AddressOf(b), Assert.Single(published.OfType<AddressTerminated>()).Address);
    }

    [Fact]
    public async Task Watch_RemoteNodeRestartsWithNewUid_WatchersOfTheOldIncarnationGetTerminated()
    {
        // A patient detector, so only the quarantine of the old incarnation can end the watch.
        var a = _nodes.Start("akka.remote.watch-failure-detector.acceptable-heartbeat-pause = 60s");
        var b1 = _nodes.Start();
        var port = RemoteNodes.PortOf(b1);
        var target = b1.Sys.ActorOf(Props.Create(() => new EchoActor()), "target");
        var remoteTarget = RemoteNodes.RemoteRef(a, b1, target);
        var probe = a.CreateTestProbe();
        var events = a.CreateTestProbe();
        a.Sys.EventStream.Subscribe(events.Ref, typeof(QuarantinedEvent));
        a.Sys.ActorOf(Props.Create(() => new WatchingActor(remoteTarget, probe.Ref)), "watcher");
        Assert.Equal("watching", await probe.ExpectMsgAsync<string>(Deadline));
        await WatchedAsync(remoteTarget);
        var oldUid = RemoteExtension.Get(b1.Sys).Uid;
        var peer = RemoteExtension.ToRemoteAddress(RemoteNodes.AddressOf(b1));

        // The old incarnation's goodbye (a death-watch notification) must not get through: cut it off, then stop it.
        RemoteExtension.Get(a.Sys).Faults.Blackhole(peer, FaultDirection.Both);
        await RemoteNodes.StopAsync(b1);
        var b2 = _nodes.Start(port: port);
        b2.Sys.ActorOf(Props.Create(() => new EchoActor()), "target");
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
        RemoteExtension.Get(a.Sys).Faults.Heal();

        var terminated = await probe.ExpectMsgAsync<WatchedTerminated>(Deadline);
        Assert.Equal(remoteTarget, terminated.ActorRef);
        Assert.True(terminated.AddressTerminated);
        Assert.Equal(oldUid, (await events.ExpectMsgAsync<QuarantinedEvent>(Deadline)).Uid);
        var fresh = await a.Sys.ActorSelection(RemoteNodes.AddressOf(b2) + "/user/target").ResolveOne(Deadline);
        Assert.Equal("new incarnation", await fresh.Ask<string>("new incarnation", Deadline));
    }

    // The Watch travels on the same association as later messages and is processed before them (system messages
    // go first): once the target answered an echo, its node registered the watch.
    private static async Task WatchedAsync(IActorRef remoteTarget) =>
        Assert.Equal("sync", await remoteTarget.Ask<string>("sync", Deadline));

    private static async Task AwaitStatsAsync(Kit node, int refs)
    {
        var watcher = ((RemoteActorRefProvider)((ExtendedActorSystem)node.Sys).Provider).RemoteWatcher;
        await node.AwaitAssertAsync(
            async () => Assert.Equal(refs, (await watcher.Ask<RemoteWatcher.Stats>(RemoteWatcher.GetStats.Instance, Deadline)).WatchingRefs),
            Deadline,
            TimeSpan.FromMilliseconds(50));
    }
}
