namespace LithairAkka.Examples.Ledger;

/// <summary>What a statement line records.</summary>
public enum LedgerEntryKind
{
    /// <summary>The account was opened.</summary>
    Opened = 1,

    /// <summary>A deposit.</summary>
    Deposit = 2,

    /// <summary>A withdrawal.</summary>
    Withdrawal = 3,

    /// <summary>A transfer to the counterparty.</summary>
    TransferOut = 4,

    /// <summary>A transfer from the counterparty.</summary>
    TransferIn = 5,
}
