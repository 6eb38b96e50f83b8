namespace LithairAkka.Examples.Ledger;

/// <summary>Adds <paramref name="Amount"/> to <paramref name="Account"/>.</summary>
/// <param name="Account">An open account.</param>
/// <param name="Amount">A positive amount in minor units.</param>
public sealed record Deposit(string Account, long Amount) : LedgerCommand;
