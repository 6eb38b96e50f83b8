namespace LithairAkka.Examples.Ledger;

/// <summary>Asks for the balance of <paramref name="Account"/>; answered with <see cref="AccountBalance"/>.</summary>
/// <param name="Account">The account's name.</param>
public sealed record BalanceQuery(string Account) : LedgerQuery;
