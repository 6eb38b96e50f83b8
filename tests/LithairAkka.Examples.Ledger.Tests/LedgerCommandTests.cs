namespace LithairAkka.Examples.Ledger.Tests;

public sealed class LedgerCommandTests
{
    [Fact]
    public void Decode_EncodedCommands_RoundTrip()
    {
        LedgerCommand[] commands = [new OpenAccount("é-1"), new Deposit("a", 1), new Withdraw("a", long.MaxValue), new Transfer("a", "b", 300)];

        Assert.Equal(commands, commands.Select(c => LedgerCommand.Decode(c.Encode())));
    }

    [Fact]
    public void Decode_TrailingOrMissingBytes_Throws()
    {
        var bytes = new Deposit("a", 1).Encode();

        Assert.Throws<InvalidDataException>(() => LedgerCommand.Decode(bytes.Append((byte)0).ToArray()));
        Assert.Throws<InvalidDataException>(() => LedgerCommand.Decode(bytes[..^1]));
    }

    [Fact]
    public void Decode_EncodedResultsQueriesAndAnswers_RoundTrip()
    {
        LedgerResult[] results = [new LedgerApplied(0), new LedgerApplied(12345), new LedgerRejected(LedgerRejection.InsufficientFunds)];
        LedgerQuery[] queries = [new BalanceQuery("a"), new StatementQuery("b", 7)];
        var statement = new AccountStatement("a", true, [new LedgerEntry(3, LedgerEntryKind.TransferIn, 5, 9, "b")]);

        Assert.Equal(results, results.Select(r => LedgerResult.Decode(r.Encode())));
        Assert.Equal(queries, queries.Select(q => LedgerQuery.Decode(q.Encode())));
        Assert.Equal(new AccountBalance("a", true, 9), AccountBalance.Decode(new AccountBalance("a", true, 9).Encode()));
        Assert.Equal(statement.Entries, AccountStatement.Decode(statement.Encode()).Entries);
    }
}
