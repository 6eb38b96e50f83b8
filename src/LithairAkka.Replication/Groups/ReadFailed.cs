namespace LithairAkka.Replication.Groups;

/// <summary>A read could not be served (leadership changed while it waited); retry it.</summary>
/// <param name="Reason">Why.</param>
public sealed record ReadFailed(string Reason);
