namespace LithairAkka.Persistence;

/// <summary>Answer to <see cref="ReplayMessages"/>: reading or deserializing the events failed.</summary>
/// <param name="Cause">The failure.</param>
public sealed record ReplayMessagesFailure(Exception Cause);
