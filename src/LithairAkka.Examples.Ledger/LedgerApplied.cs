namespace LithairAkka.Examples.Ledger;

/// <summary>The command was applied.</summary>
/// <param name="Balance">The balance of the command's account afterwards (for a transfer, of the debited account).</param>
public sealed record LedgerApplied(long Balance) : LedgerResult;
