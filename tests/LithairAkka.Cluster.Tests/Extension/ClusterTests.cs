using LithairAkka.Actors;
using Xunit.Abstractions;

namespace LithairAkka.Cluster.Tests;

[Collection(MultiNodeCollection.Name)]
public sealed class ClusterTests(ITestOutputHelper output) : IDisposable
{
    private readonly ClusterNodes _nodes = new(output);

    public void Dispose() => _nodes.Dispose();

    [Fact]
    public async Task JoinSeedNodes_ThreeNodes_AllUpWithOneLeaderAndConvergence()
    {
        var nodes = await _nodes.FormAsync(3);

        var leader = ClusterNodes.ClusterOf(nodes[0]).State.Leader;
        Assert.NotNull(leader);
        Assert.Contains(leader, nodes.Select(ClusterNodes.AddressOf));
        Assert.All(nodes, n => Assert.Equal(MemberStatus.Up, ClusterNodes.ClusterOf(n).SelfMember.Status));
    }

    [Fact]
    public async Task JoinSeedNodes_FiveNodes_AllUpWithOneLeaderAndConvergence()
    {
        var nodes = await _nodes.FormAsync(5);

        Assert.All(nodes, n => Assert.Equal(5, ClusterNodes.ClusterOf(n).State.Members.Count));
    }

    [Fact]
    public async Task Subscribe_InitialStateAsSnapshot_GetsCurrentClusterStateThenEvents()
    {
        var nodes = await _nodes.FormAsync(2);
        var probe = nodes[0].CreateTestProbe();

        ClusterNodes.ClusterOf(nodes[0]).Subscribe(probe.Ref, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot,
            typeof(ClusterEvent.IMemberEvent));

        var state = await probe.ExpectMsgAsync<ClusterEvent.CurrentClusterState>(ClusterNodes.Deadline);
        Assert.Equal(2, state.Members.Count);
        Assert.All(state.Members, m => Assert.Equal(MemberStatus.Up, m.Status));
        var third = _nodes.Start(seedNodes: [ClusterNodes.AddressOf(nodes[0])]);
        var joined = await probe.ExpectMsgAsync<ClusterEvent.MemberJoined>(ClusterNodes.Deadline);
        Assert.Equal(ClusterNodes.AddressOf(third), joined.Member.Address);
        var up = await probe.ExpectMsgAsync<ClusterEvent.MemberUp>(ClusterNodes.Deadline);
        Assert.Equal(ClusterNodes.AddressOf(third), up.Member.Address);
    }

    [Fact]
    public async Task Subscribe_InitialStateAsEvents_GetsMemberUpOfEveryMember()
    {
        var nodes = await _nodes.FormAsync(3);
        var probe = nodes[1].CreateTestProbe();

        ClusterNodes.ClusterOf(nodes[1]).Subscribe(probe.Ref, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.MemberUp), typeof(ClusterEvent.LeaderChanged));

        var received = new List<object>();
        for (var i = 0; i < 4; i++)
        {
            received.Add(await probe.ExpectMsgAsync<object>(ClusterNodes.Deadline));
        }

        Assert.Equal(nodes.Select(ClusterNodes.AddressOf).ToHashSet(), received.OfType<ClusterEvent.MemberUp>().Select(e => e.Member.Address).ToHashSet());
        var leader = Assert.Single(received.OfType<ClusterEvent.LeaderChanged>());
        Assert.Equal(ClusterNodes.ClusterOf(nodes[1]).State.Leader, leader.Leader);
    }

    [Fact]
    public async Task Leave_Member_ExitingThenRemovedEverywhereAndLeaverTerminates()
    {
        var nodes = await _nodes.FormAsync(3);
        var leaver = nodes[2];
        var leaverAddress = ClusterNodes.AddressOf(leaver);
        var probe = nodes[0].CreateTestProbe();
        ClusterNodes.ClusterOf(nodes[0]).Subscribe(probe.Ref, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot,
            typeof(ClusterEvent.MemberExited), typeof(ClusterEvent.MemberRemoved));
        await probe.ExpectMsgAsync<ClusterEvent.CurrentClusterState>(ClusterNodes.Deadline);
        var removedCallback = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ClusterNodes.ClusterOf(leaver).RegisterOnMemberRemoved(() => removedCallback.TrySetResult());

        ClusterNodes.ClusterOf(nodes[0]).Leave(leaverAddress);

        var exited = await probe.ExpectMsgAsync<ClusterEvent.MemberExited>(ClusterNodes.Deadline);
        Assert.Equal(leaverAddress, exited.Member.Address);
        var removed = await probe.ExpectMsgAsync<ClusterEvent.MemberRemoved>(ClusterNodes.Deadline);
        Assert.Equal(leaverAddress, removed.Member.Address);
        Assert.Equal(MemberStatus.Exiting, removed.PreviousStatus);
        await removedCallback.Task.WaitAsync(ClusterNodes.Deadline);
        await leaver.Sys.WhenTerminated.WaitAsync(ClusterNodes.Deadline);
        Assert.IsType<CoordinatedShutdown.ClusterLeavingReason>(CoordinatedShutdown.Get(leaver.Sys).ShutdownReason);
        Assert.True(ClusterNodes.ClusterOf(leaver).IsTerminated);
        await ClusterNodes.AwaitUpAsync(nodes[..2]);
    }

    [Fact]
    public async Task LeaveAsync_SelfViaCoordinatedShutdown_CompletesWhenRemoved()
    {
        var nodes = await _nodes.FormAsync(2);
        var upCalled = false;
        ClusterNodes.ClusterOf(nodes[1]).RegisterOnMemberUp(() => upCalled = true);
        Assert.True(upCalled);

        await ClusterNodes.ClusterOf(nodes[1]).LeaveAsync().WaitAsync(ClusterNodes.Deadline);

        await nodes[1].Sys.WhenTerminated.WaitAsync(ClusterNodes.Deadline);
        await nodes[0].AwaitConditionAsync(() => ClusterNodes.ClusterOf(nodes[0]).State.Members.Count == 1, ClusterNodes.Deadline);
    }

    [Fact]
    public async Task Terminate_MemberSystem_LeavesGracefullyThroughCoordinatedShutdown()
    {
        var nodes = await _nodes.FormAsync(3);
        var probe = nodes[0].CreateTestProbe();
        ClusterNodes.ClusterOf(nodes[0]).Subscribe(probe.Ref, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot,
            typeof(ClusterEvent.MemberExited), typeof(ClusterEvent.MemberRemoved), typeof(ClusterEvent.UnreachableMember));
        await probe.ExpectMsgAsync<ClusterEvent.CurrentClusterState>(ClusterNodes.Deadline);

        await nodes[1].Sys.Terminate().WaitAsync(ClusterNodes.Deadline);

        Assert.Equal(ClusterNodes.AddressOf(nodes[1]), (await probe.ExpectMsgAsync<ClusterEvent.MemberExited>(ClusterNodes.Deadline)).Member.Address);
        Assert.Equal(ClusterNodes.AddressOf(nodes[1]), (await probe.ExpectMsgAsync<ClusterEvent.MemberRemoved>(ClusterNodes.Deadline)).Member.Address);
    }

    [Fact]
    public async Task Join_NodeWithWrongSecureCookie_NeverBecomesMember()
    {
        var nodes = await _nodes.FormAsync(2, "akka.remote.secure-cookie = \"right-cookie\"");

        var intruder = _nodes.Start("akka.remote.secure-cookie = \"wrong-cookie\"", seedNodes: [ClusterNodes.AddressOf(nodes[0])]);
        var honest = _nodes.Start("akka.remote.secure-cookie = \"right-cookie\"", seedNodes: [ClusterNodes.AddressOf(nodes[0])]);

        await ClusterNodes.AwaitUpAsync([nodes[0], nodes[1], honest]);
        Assert.DoesNotContain(ClusterNodes.AddressOf(intruder), ClusterNodes.ClusterOf(nodes[0]).State.Members.Select(m => m.Address));
        Assert.Equal(MemberStatus.Removed, ClusterNodes.ClusterOf(intruder).SelfMember.Status);
    }

    [Fact]
    public async Task Join_NodeRestartedOnSamePortWithNewUid_RejoinsAndOldIncarnationRemoved()
    {
        var nodes = await _nodes.FormAsync(3);
        var seed = ClusterNodes.AddressOf(nodes[0]);
        var old = ClusterNodes.ClusterOf(nodes[2]).SelfUniqueAddress;
        var port = old.Address.Port!.Value;
        await ClusterNodes.CrashAsync(nodes[2]);

        var restarted = _nodes.Start(port: port, seedNodes: [seed]);

        var fresh = ClusterNodes.ClusterOf(restarted).SelfUniqueAddress;
        Assert.Equal(old.Address, fresh.Address);
        Assert.NotEqual(old.Uid, fresh.Uid);
        await ClusterNodes.AwaitUpAsync([nodes[0], nodes[1], restarted], TimeSpan.FromSeconds(18));
        Assert.DoesNotContain(old, ClusterNodes.ClusterOf(nodes[0]).State.Members.Select(m => m.UniqueAddress));
        Assert.Contains(fresh, ClusterNodes.ClusterOf(nodes[1]).State.Members.Select(m => m.UniqueAddress));
    }
}
