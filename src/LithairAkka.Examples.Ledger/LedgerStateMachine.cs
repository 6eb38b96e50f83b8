using LithairAkka.Replication.StateMachines;

namespace LithairAkka.Examples.Ledger;

/// <summary>
/// An example state machine: a bank-account ledger. Commands (<see cref="LedgerCommand"/>) open accounts, deposit,
/// withdraw (refused beyond the balance) and transfer atomically between two accounts; queries
/// (<see cref="LedgerQuery"/>) answer a balance or the latest statement lines. Run it on a node with
/// <c>lithair.replication.state-machine = "LithairAkka.Examples.Ledger.LedgerStateMachine, LithairAkka.Examples.Ledger"</c>.
/// </summary>
/// <remarks>
/// <para>
/// Deterministic, as every state machine must be: a command's outcome depends only on the ledger and the command; a
/// statement line records the command's log index, not a clock; snapshots list accounts in ordinal order. A command
/// it refuses (malformed, unknown account, insufficient funds…) changes nothing and returns a
/// <see cref="LedgerRejected"/> — <see cref="Apply"/> never throws.
/// </para>
/// <para>Runs on the actor's mailbox, one message at a time. Each account keeps its latest <see cref="MaxStatementEntries"/> lines.</para>
/// </remarks>
public sealed class LedgerStateMachine : StateMachineActor
{
    /// <summary>Longest account name, in UTF-16 characters.</summary>
    public const int MaxAccountLength = 128;

    /// <summary>Statement lines kept per account; older ones are dropped (the balance is unaffected).</summary>
    public const int MaxStatementEntries = 1000;

    private readonly SortedDictionary<string, Account> _accounts = new(StringComparer.Ordinal);

    /// <inheritdoc />
    protected override byte[] Apply(ReadOnlyMemory<byte> command)
    {
        LedgerCommand decoded;
        try
        {
            decoded = LedgerCommand.Decode(command);
        }
        catch (InvalidDataException)
        {
            return new LedgerRejected(LedgerRejection.Malformed).Encode();
        }

        LedgerResult result = decoded switch
        {
            OpenAccount open => Open(open),
            Deposit deposit => Credit(deposit.Account, deposit.Amount),
            Withdraw withdraw => Debit(withdraw.Account, withdraw.Amount),
            Transfer transfer => Move(transfer),
            _ => new LedgerRejected(LedgerRejection.Malformed),
        };
        return result.Encode();
    }

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">The bytes are not a ledger query (answered as a rejected query).</exception>
    protected override byte[] QueryBytes(ReadOnlyMemory<byte> query) => LedgerQuery.Decode(query) switch
    {
        BalanceQuery balance => _accounts.TryGetValue(balance.Account, out var account)
            ? new AccountBalance(balance.Account, true, account.Balance).Encode()
            : new AccountBalance(balance.Account, false, 0).Encode(),
        StatementQuery { Limit: < 1 } => throw new InvalidDataException("A statement limit must be at least 1."),
        StatementQuery statement => _accounts.TryGetValue(statement.Account, out var account)
            ? new AccountStatement(statement.Account, true, account.Entries.Skip(Math.Max(0, account.Entries.Count - statement.Limit)).ToArray()).Encode()
            : new AccountStatement(statement.Account, false, []).Encode(),
        var other => throw new InvalidDataException($"Unsupported ledger query {other.GetType().Name}."),
    };

    /// <inheritdoc />
    protected override void WriteState(BinaryWriter output)
    {
        output.Write7BitEncodedInt(_accounts.Count);
        foreach (var (name, account) in _accounts)
        {
            output.Write(name);
            output.Write7BitEncodedInt64(account.Balance);
            output.Write7BitEncodedInt(account.Entries.Count);
            foreach (var entry in account.Entries)
            {
                AccountStatement.WriteEntry(output, entry);
            }
        }
    }

    /// <inheritdoc />
    protected override void ReadState(BinaryReader input)
    {
        _accounts.Clear();
        var count = input.Read7BitEncodedInt();
        for (var i = 0; i < count; i++)
        {
            var account = new Account();
            var name = input.ReadString();
            account.Balance = input.Read7BitEncodedInt64();
            var entries = input.Read7BitEncodedInt();
            for (var j = 0; j < entries; j++)
            {
                account.Entries.Add(AccountStatement.ReadEntry(input));
            }

            _accounts[name] = account;
        }
    }

    private static bool ValidName(string name) => name.Length is > 0 and <= MaxAccountLength;

    private LedgerResult Open(OpenAccount open)
    {
        if (!ValidName(open.Account))
        {
            return new LedgerRejected(LedgerRejection.Invalid);
        }

        if (_accounts.ContainsKey(open.Account))
        {
            return new LedgerRejected(LedgerRejection.AccountExists);
        }

        var account = new Account();
        _accounts[open.Account] = account;
        Record(account, LedgerEntryKind.Opened, 0, string.Empty);
        return new LedgerApplied(0);
    }

    private LedgerResult Credit(string name, long amount)
    {
        if (amount <= 0)
        {
            return new LedgerRejected(LedgerRejection.Invalid);
        }

        if (!_accounts.TryGetValue(name, out var account))
        {
            return new LedgerRejected(LedgerRejection.UnknownAccount);
        }

        if (account.Balance > long.MaxValue - amount)
        {
            return new LedgerRejected(LedgerRejection.Overflow);
        }

        account.Balance += amount;
        Record(account, LedgerEntryKind.Deposit, amount, string.Empty);
        return new LedgerApplied(account.Balance);
    }

    private LedgerResult Debit(string name, long amount)
    {
        if (amount <= 0)
        {
            return new LedgerRejected(LedgerRejection.Invalid);
        }

        if (!_accounts.TryGetValue(name, out var account))
        {
            return new LedgerRejected(LedgerRejection.UnknownAccount);
        }

        if (account.Balance < amount)
        {
            return new LedgerRejected(LedgerRejection.InsufficientFunds);
        }

        account.Balance -= amount;
        Record(account, LedgerEntryKind.Withdrawal, amount, string.Empty);
        return new LedgerApplied(account.Balance);
    }

    private LedgerResult Move(Transfer transfer)
    {
        if (transfer.Amount <= 0 || string.Equals(transfer.From, transfer.To, StringComparison.Ordinal))
        {
            return new LedgerRejected(LedgerRejection.Invalid);
        }

        if (!_accounts.TryGetValue(transfer.From, out var from) || !_accounts.TryGetValue(transfer.To, out var to))
        {
            return new LedgerRejected(LedgerRejection.UnknownAccount);
        }

        // Every check comes before the first change: a refused transfer touches neither account.
        if (from.Balance < transfer.Amount)
        {
            return new LedgerRejected(LedgerRejection.InsufficientFunds);
        }

        if (to.Balance > long.MaxValue - transfer.Amount)
        {
            return new LedgerRejected(LedgerRejection.Overflow);
        }

        from.Balance -= transfer.Amount;
        to.Balance += transfer.Amount;
        Record(from, LedgerEntryKind.TransferOut, transfer.Amount, transfer.To);
        Record(to, LedgerEntryKind.TransferIn, transfer.Amount, transfer.From);
        return new LedgerApplied(from.Balance);
    }

    private void Record(Account account, LedgerEntryKind kind, long amount, string counterparty)
    {
        if (account.Entries.Count == MaxStatementEntries)
        {
            account.Entries.RemoveAt(0);
        }

        account.Entries.Add(new LedgerEntry(AppliedIndex, kind, amount, account.Balance, counterparty));
    }

    private sealed class Account
    {
        public long Balance { get; set; }

        public List<LedgerEntry> Entries { get; } = [];
    }
}
