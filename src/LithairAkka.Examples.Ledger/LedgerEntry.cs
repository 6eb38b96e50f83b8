namespace LithairAkka.Examples.Ledger;

/// <summary>One line of an account's statement. Immutable.</summary>
/// <param name="Index">The log index of the command that made it: the same on every replica.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Amount">The amount moved (0 for <see cref="LedgerEntryKind.Opened"/>).</param>
/// <param name="BalanceAfter">The account's balance afterwards.</param>
/// <param name="Counterparty">The other account of a transfer, else empty.</param>
public sealed record LedgerEntry(long Index, LedgerEntryKind Kind, long Amount, long BalanceAfter, string Counterparty);
