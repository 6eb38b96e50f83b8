using System.Text;
using LithairAkka.Actors;
using LithairAkka.Replication.StateMachines;
using LithairAkka.Replication.StateMachines.KeyValue;

namespace LithairAkka.Replication.Tests.StateMachines;

public sealed class KeyValueStateMachineTests : LithairAkka.TestKit.Xunit2.TestKit
{
    private long _index;

    private KvResult Apply(IActorRef machine, KvCommand command, ClientRequest? request = null)
    {
        var payload = new CommandEnvelope(request, command.Encode()).Encode();
        machine.Tell(new ApplyCommitted(++_index, 1, payload, TestActor));
        return KvResult.Decode(ExpectMsg<ProposeSucceeded>().Result);
    }

    private T Query<T>(IActorRef machine, object query)
    {
        machine.Tell(new QueryStateMachine(query, TestActor));
        return Assert.IsType<T>(ExpectMsg<QueryResult>().Result);
    }

    [Fact]
    public void List_WithPrefixAndLimit_ReturnsOrderedTruncatedPage()
    {
        var machine = Sys.ActorOf(Props.Create(() => new KeyValueStateMachine()));
        foreach (var key in new[] { "b/2", "a/1", "b/1", "b/3", "c" })
        {
            Apply(machine, new KvPut(key, Encoding.UTF8.GetBytes(key)));
        }

        var page = Query<KvListing>(machine, new KvList("b/", 2));

        Assert.Equal(["b/1", "b/2"], page.Entries.Select(e => e.Key));
        Assert.True(page.Truncated);
        Assert.False(Query<KvEntry>(machine, new KvGet("zz")).Exists);
    }

    [Fact]
    public void Restore_FromSnapshot_ReplacesStateAndDedupTable()
    {
        var source = Sys.ActorOf(Props.Create(() => new KeyValueStateMachine()));
        Apply(source, new KvPut("kept", new byte[] { 1, 2, 3 }), new ClientRequest("c", 5));
        source.Tell(new TakeSnapshot());
        var snapshot = ExpectMsg<SnapshotTaken>();
        var target = Sys.ActorOf(Props.Create(() => new KeyValueStateMachine()));
        Apply(target, new KvPut("dropped", new byte[] { 9 }));

        target.Tell(new RestoreSnapshot(snapshot.AppliedIndex, snapshot.Data));
        var retry = new CommandEnvelope(new ClientRequest("c", 5), new KvPut("kept", new byte[] { 7 }).Encode()).Encode();
        target.Tell(new ApplyCommitted(++_index, 2, retry, TestActor));

        Assert.True(ExpectMsg<ProposeSucceeded>().Duplicate);
        Assert.False(Query<KvEntry>(target, new KvGet("dropped")).Exists);
        Assert.Equal(new byte[] { 1, 2, 3 }, Query<KvEntry>(target, new KvGet("kept")).Value.ToArray());
    }

    [Fact]
    public void Query_BinaryOrUnknownQuery_AnswersQueryRejectedAndKeepsState()
    {
        var machine = Sys.ActorOf(Props.Create(() => new KeyValueStateMachine()));
        Apply(machine, new KvPut("k", new byte[] { 1 }));

        var binary = Query<QueryRejected>(machine, new BinaryQuery(new byte[] { 1 }));
        var unknown = Query<QueryRejected>(machine, "no such query");

        Assert.Contains("binary", binary.Reason, StringComparison.Ordinal);
        Assert.Contains("String", unknown.Reason, StringComparison.Ordinal);
        Assert.True(Query<KvEntry>(machine, new KvGet("k")).Exists);
    }

    [Fact]
    public void Apply_OlderSequenceOfClient_Fails()
    {
        var machine = Sys.ActorOf(Props.Create(() => new KeyValueStateMachine()));
        Apply(machine, new KvPut("k", new byte[] { 1 }), new ClientRequest("c", 2));

        var payload = new CommandEnvelope(new ClientRequest("c", 1), new KvPut("k", new byte[] { 2 }).Encode()).Encode();
        machine.Tell(new ApplyCommitted(++_index, 1, payload, TestActor));

        Assert.False(ExpectMsg<ProposeFailed>().OutcomeUnknown);
    }

    [Fact]
    public void Encode_CommandsAndResults_RoundTrip()
    {
        KvCommand[] commands = [new KvPut("k", new byte[] { 1 }, 0), new KvDelete("k", 3), new KvDelete("k")];
        KvResult[] results = [new KvWritten(4), new KvDeleted(true), new KvVersionMismatch(2)];

        foreach (var command in commands)
        {
            var decoded = KvCommand.Decode(command.Encode());
            Assert.Equal(command.Encode(), decoded.Encode());
        }

        Assert.All(results, r => Assert.Equal(r, KvResult.Decode(r.Encode())));
        Assert.Throws<InvalidDataException>(() => KvCommand.Decode(new byte[] { 9 }));
    }
}
