namespace LithairAkka.Examples.Ledger;

/// <summary>The command was refused and changed nothing.</summary>
/// <param name="Reason">Why.</param>
public sealed record LedgerRejected(LedgerRejection Reason) : LedgerResult;
