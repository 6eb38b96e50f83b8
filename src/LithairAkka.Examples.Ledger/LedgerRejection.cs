namespace LithairAkka.Examples.Ledger;

/// <summary>Why the ledger refused a command; the state is unchanged.</summary>
public enum LedgerRejection
{
    /// <summary>The command's bytes are not a ledger command.</summary>
    Malformed = 1,

    /// <summary>An account name is empty or too long, an amount not positive, or a transfer names one account twice.</summary>
    Invalid = 2,

    /// <summary>The account to open is already open.</summary>
    AccountExists = 3,

    /// <summary>An account named is not open.</summary>
    UnknownAccount = 4,

    /// <summary>The debited account's balance is below the amount.</summary>
    InsufficientFunds = 5,

    /// <summary>The credited account's balance would exceed <see cref="long.MaxValue"/>.</summary>
    Overflow = 6,
}
