namespace LithairAkka.Persistence;

/// <summary>One replayed event (answer to <see cref="ReplayMessages"/>).</summary>
/// <param name="Persistent">The event.</param>
public sealed record ReplayedMessage(Persistent Persistent);
