using LithairAkka.Actors;
using LithairAkka.Replication.StateMachines;

namespace LithairAkka.Examples.Ledger.Tests;

public sealed class LedgerStateMachineTests : LithairAkka.TestKit.Xunit2.TestKit
{
    private long _index;

    private IActorRef NewLedger() => Sys.ActorOf(Props.Create<LedgerStateMachine>());

    private LedgerResult Apply(IActorRef ledger, LedgerCommand command, ClientRequest? request = null) =>
        LedgerResult.Decode(ApplyRaw(ledger, command.Encode(), request).Result);

    private ProposeSucceeded ApplyRaw(IActorRef ledger, byte[] command, ClientRequest? request = null)
    {
        ledger.Tell(new ApplyCommitted(++_index, 1, new CommandEnvelope(request, command).Encode(), TestActor));
        return ExpectMsg<ProposeSucceeded>();
    }

    private object Ask(IActorRef ledger, byte[] query)
    {
        ledger.Tell(new QueryStateMachine(new BinaryQuery(query), TestActor));
        return ExpectMsg<QueryResult>().Result;
    }

    private AccountBalance Balance(IActorRef ledger, string account) =>
        AccountBalance.Decode(Assert.IsType<BinaryQueryResult>(Ask(ledger, new BalanceQuery(account).Encode())).Result);

    private AccountStatement Statement(IActorRef ledger, string account, int limit = 100) =>
        AccountStatement.Decode(Assert.IsType<BinaryQueryResult>(Ask(ledger, new StatementQuery(account, limit).Encode())).Result);

    private byte[] Snapshot(IActorRef ledger)
    {
        ledger.Tell(new TakeSnapshot());
        return ExpectMsg<SnapshotTaken>().Data;
    }

    private void OpenFunded(IActorRef ledger, string account, long amount)
    {
        Assert.Equal(new LedgerApplied(0), Apply(ledger, new OpenAccount(account)));
        Assert.Equal(new LedgerApplied(amount), Apply(ledger, new Deposit(account, amount)));
    }

    [Fact]
    public void Apply_DepositThenWithdraw_ReturnsNewBalances()
    {
        var ledger = NewLedger();
        OpenFunded(ledger, "alice", 100);

        Assert.Equal(new LedgerApplied(70), Apply(ledger, new Withdraw("alice", 30)));
        Assert.Equal(new AccountBalance("alice", true, 70), Balance(ledger, "alice"));
    }

    [Fact]
    public void Apply_WithdrawBeyondBalance_RejectedAndBalanceUnchanged()
    {
        var ledger = NewLedger();
        OpenFunded(ledger, "alice", 50);

        Assert.Equal(new LedgerRejected(LedgerRejection.InsufficientFunds), Apply(ledger, new Withdraw("alice", 51)));
        Assert.Equal(50, Balance(ledger, "alice").Balance);
    }

    [Theory]
    [InlineData("alice", "bob", 0, LedgerRejection.Invalid)]
    [InlineData("alice", "alice", 10, LedgerRejection.Invalid)]
    [InlineData("alice", "nobody", 10, LedgerRejection.UnknownAccount)]
    [InlineData("alice", "bob", 101, LedgerRejection.InsufficientFunds)]
    public void Apply_RefusedTransfer_ChangesNeitherAccount(string from, string to, long amount, LedgerRejection reason)
    {
        var ledger = NewLedger();
        OpenFunded(ledger, "alice", 100);
        OpenFunded(ledger, "bob", 5);

        Assert.Equal(new LedgerRejected(reason), Apply(ledger, new Transfer(from, to, amount)));
        Assert.Equal(100, Balance(ledger, "alice").Balance);
        Assert.Equal(5, Balance(ledger, "bob").Balance);
        Assert.Equal(2, Statement(ledger, "alice").Entries.Count);
    }

    [Fact]
    public void Apply_Transfer_MovesTheAmountAndRecordsBothSides()
    {
        var ledger = NewLedger();
        OpenFunded(ledger, "alice", 100);
        OpenFunded(ledger, "bob", 5);

        var result = Apply(ledger, new Transfer("alice", "bob", 40));

        Assert.Equal(new LedgerApplied(60), result);
        Assert.Equal(45, Balance(ledger, "bob").Balance);
        Assert.Equal(new LedgerEntry(_index, LedgerEntryKind.TransferOut, 40, 60, "bob"), Statement(ledger, "alice").Entries[^1]);
        Assert.Equal(new LedgerEntry(_index, LedgerEntryKind.TransferIn, 40, 45, "alice"), Statement(ledger, "bob").Entries[^1]);
    }

    [Fact]
    public void Apply_OpenTwiceOrUnknownAccount_Rejected()
    {
        var ledger = NewLedger();
        Apply(ledger, new OpenAccount("alice"));

        Assert.Equal(new LedgerRejected(LedgerRejection.AccountExists), Apply(ledger, new OpenAccount("alice")));
        Assert.Equal(new LedgerRejected(LedgerRejection.UnknownAccount), Apply(ledger, new Deposit("bob", 1)));
        Assert.Equal(new LedgerRejected(LedgerRejection.Invalid), Apply(ledger, new OpenAccount(string.Empty)));
        Assert.Equal(new LedgerApplied(long.MaxValue), Apply(ledger, new Deposit("alice", long.MaxValue)));
        Assert.Equal(new LedgerRejected(LedgerRejection.Overflow), Apply(ledger, new Deposit("alice", 1)));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 9 })]
    [InlineData(new byte[] { 2, 5, 97 })]
    public void Apply_MalformedCommand_RejectedAndActorKeepsRunning(byte[] command)
    {
        var ledger = NewLedger();

        Assert.Equal(new LedgerRejected(LedgerRejection.Malformed), LedgerResult.Decode(ApplyRaw(ledger, command).Result));
        Assert.Equal(new LedgerApplied(0), Apply(ledger, new OpenAccount("alice")));
    }

    [Fact]
    public void Query_MalformedOrUnknown_AnswersQueryRejected()
    {
        var ledger = NewLedger();

        Assert.IsType<QueryRejected>(Ask(ledger, [7, 1]));
        Assert.IsType<QueryRejected>(Ask(ledger, new StatementQuery("alice", 0).Encode()));
        ledger.Tell(new QueryStateMachine("not a ledger query", TestActor));
        Assert.IsType<QueryRejected>(ExpectMsg<QueryResult>().Result);
        Assert.False(Balance(ledger, "alice").Exists);
    }

    [Fact]
    public void Query_StatementWithLimit_ReturnsLatestLinesOldestFirst()
    {
        var ledger = NewLedger();
        OpenFunded(ledger, "alice", 10);
        Apply(ledger, new Deposit("alice", 20));
        Apply(ledger, new Withdraw("alice", 5));

        var statement = Statement(ledger, "alice", limit: 2);

        Assert.True(statement.Exists);
        Assert.Equal(
            [new LedgerEntry(_index - 1, LedgerEntryKind.Deposit, 20, 30, string.Empty), new LedgerEntry(_index, LedgerEntryKind.Withdrawal, 5, 25, string.Empty)],
            statement.Entries);
    }

    [Fact]
    public void Restore_FromSnapshot_SameBalancesStatementsAndBytes()
    {
        var source = NewLedger();
        OpenFunded(source, "alice", 100);
        OpenFunded(source, "bob", 7);
        Apply(source, new Transfer("alice", "bob", 33));
        var snapshot = Snapshot(source);
        var target = NewLedger();
        Apply(target, new OpenAccount("dropped"));

        target.Tell(new RestoreSnapshot(_index, snapshot));

        Assert.Equal(Snapshot(source), Snapshot(target));
        Assert.Equal(new AccountBalance("bob", true, 40), Balance(target, "bob"));
        Assert.False(Balance(target, "dropped").Exists);
        Assert.Equal(Statement(source, "alice").Entries, Statement(target, "alice").Entries);
    }

    [Fact]
    public void Apply_SameCommandsOnTwoReplicas_EqualResultsAndSnapshots()
    {
        LedgerCommand[] commands =
        [
            new OpenAccount("b"), new OpenAccount("a"), new Deposit("a", 500), new Transfer("a", "b", 200),
            new Withdraw("b", 300), new Withdraw("b", 150), new OpenAccount("c"), new Transfer("b", "c", 50),
        ];
        var first = NewLedger();
        var second = NewLedger();
        var start = _index;

        var firstResults = commands.Select(c => Apply(first, c)).ToArray();
        _index = start;
        var secondResults = commands.Select(c => Apply(second, c)).ToArray();

        Assert.Equal(firstResults, secondResults);
        Assert.Equal(Snapshot(first), Snapshot(second));
    }

    [Fact]
    public void Apply_RetriedClientRequest_AppliedOnceAndAnsweredWithTheFirstResult()
    {
        var ledger = NewLedger();
        OpenFunded(ledger, "alice", 100);
        var request = new ClientRequest("teller-1", 1);

        var first = ApplyRaw(ledger, new Withdraw("alice", 60).Encode(), request);
        var retry = ApplyRaw(ledger, new Withdraw("alice", 60).Encode(), request);

        Assert.False(first.Duplicate);
        Assert.True(retry.Duplicate);
        Assert.Equal(first.Result.ToArray(), retry.Result.ToArray());
        Assert.Equal(40, Balance(ledger, "alice").Balance);
    }
}
