namespace LithairAkka.Management.Groups;

/// <summary>The answer to <see cref="LithairAkka.Replication.Groups.ForceResync"/>: whether a snapshot transfer started (or already ran), and why.</summary>
/// <param name="Success">A transfer to the target is running.</param>
/// <param name="Message">What happened, for the operator.</param>
public sealed record ForceResyncResult(bool Success, string Message);
