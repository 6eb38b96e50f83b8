namespace LithairAkka.Examples.Ledger;

/// <summary>Opens <paramref name="Account"/> with a zero balance; rejected with <see cref="LedgerRejection.AccountExists"/> if it is open.</summary>
/// <param name="Account">The account's name: 1 to <see cref="LedgerStateMachine.MaxAccountLength"/> characters.</param>
public sealed record OpenAccount(string Account) : LedgerCommand;
