using LithairAkka.Actors;
using LithairAkka.Management.Groups;
using LithairAkka.Management.Settings;
using LithairAkka.Replication.Consensus;
using LithairAkka.Replication.Groups;
using LithairAkka.Replication.StateMachines;

namespace LithairAkka.Management.Tests.Groups;

public sealed class GroupClientTests : LithairAkka.TestKit.Xunit2.TestKit
{
    private static readonly HttpSettings Settings = new() { Port = 0, LeaderWait = TimeSpan.FromMilliseconds(300), RequestTimeout = TimeSpan.FromMilliseconds(500) };

    private IActorRef Answering(Func<object, object?> answer) => Sys.ActorOf(Props.Create(() => new FakeGroup(answer)));

    [Fact]
    public async Task ProposeAsync_LocalNotLeader_ForwardsToTheHintedLeadersRef()
    {
        var leader = Answering(m => m is Propose ? new ProposeSucceeded(new byte[] { 1 }, 7, 3) : null);
        var local = Answering(m => new NotLeader(new NodeId(2)));
        var directory = new GroupDirectory(new NodeId(1), local, "a:1");
        directory.SetPeers([new Peer(new NodeId(2), leader, "a:2")]);
        var client = new GroupClient(directory, Settings, TimeProvider.System);

        var answer = await client.ProposeAsync(new byte[] { 9 }, CancellationToken.None);

        Assert.Equal(7, Assert.IsType<ProposeSucceeded>(answer).Index);
    }

    [Fact]
    public async Task ProposeAsync_NodesNameEachOther_GivesUpWithNoLeaderAfterLeaderWait()
    {
        var one = Answering(_ => new NotLeader(new NodeId(2)));
        var two = Answering(_ => new NotLeader(new NodeId(1)));
        var directory = new GroupDirectory(new NodeId(1), one, "a:1");
        directory.SetPeers([new Peer(new NodeId(2), two, "a:2")]);
        var client = new GroupClient(directory, Settings, TimeProvider.System);

        var answer = await client.ProposeAsync(new byte[] { 9 }, CancellationToken.None);

        Assert.Equal(GroupFailure.NoLeader, answer);
    }

    [Fact]
    public async Task ProposeAsync_LeaderNeverAnswers_IsOutcomeUnknown()
    {
        var silent = Answering(_ => null);
        var client = new GroupClient(new GroupDirectory(new NodeId(1), silent, "a:1"), Settings, TimeProvider.System);

        var answer = await client.ProposeAsync(new byte[] { 9 }, CancellationToken.None);

        Assert.Equal(GroupFailure.OutcomeUnknown, answer);
    }

    [Fact]
    public async Task ReadAsync_LeaderNeverAnswers_IsTimeout()
    {
        var silent = Answering(_ => null);
        var client = new GroupClient(new GroupDirectory(new NodeId(1), silent, "a:1"), Settings, TimeProvider.System);

        var answer = await client.ReadAsync("query", ReadConsistency.Linearizable, CancellationToken.None);

        Assert.Equal(GroupFailure.Timeout, answer);
    }

    private sealed class FakeGroup : ReceiveActor
    {
        public FakeGroup(Func<object, object?> answer)
        {
            Receive<UpdatePeers>(_ => { });
            ReceiveAny(m =>
            {
                if (answer(m) is { } reply)
                {
                    Sender.Tell(reply);
                }
            });
        }
    }
}
