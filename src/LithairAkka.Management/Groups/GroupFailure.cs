namespace LithairAkka.Management.Groups;

/// <summary>Why a request to the group could not be answered.</summary>
internal enum GroupFailure
{
    /// <summary>No leader was known within <c>lithair.http.leader-wait</c>: 503 <c>no-leader</c>.</summary>
    NoLeader = 0,

    /// <summary>A write reached a leader that stopped answering or stepped down: 504 <c>outcome-unknown</c>.</summary>
    OutcomeUnknown = 1,

    /// <summary>A read got no answer within <c>lithair.http.request-timeout</c>: 504 <c>timeout</c>.</summary>
    Timeout = 2,
}
