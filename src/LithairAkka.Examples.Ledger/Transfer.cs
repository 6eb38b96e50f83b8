namespace LithairAkka.Examples.Ledger;

/// <summary>
/// Moves <paramref name="Amount"/> from <paramref name="From"/> to <paramref name="To"/> atomically: both balances
/// change, or (on any rejection) neither does.
/// </summary>
/// <param name="From">The open account debited.</param>
/// <param name="To">Another open account, credited.</param>
/// <param name="Amount">A positive amount in minor units.</param>
public sealed record Transfer(string From, string To, long Amount) : LedgerCommand;
