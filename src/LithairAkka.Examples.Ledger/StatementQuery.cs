namespace LithairAkka.Examples.Ledger;

/// <summary>Asks for the latest movements of <paramref name="Account"/>; answered with <see cref="AccountStatement"/>.</summary>
/// <param name="Account">The account's name.</param>
/// <param name="Limit">Most entries returned (the latest ones, oldest first); at least 1.</param>
public sealed record StatementQuery(string Account, int Limit = 100) : LedgerQuery;
