namespace LithairAkka.Examples.Ledger;

/// <summary>Takes <paramref name="Amount"/> from <paramref name="Account"/>; rejected with <see cref="LedgerRejection.InsufficientFunds"/> beyond its balance.</summary>
/// <param name="Account">An open account.</param>
/// <param name="Amount">A positive amount in minor units.</param>
public sealed record Withdraw(string Account, long Amount) : LedgerCommand;
