namespace LithairAkka.Replication.Tests.Remoting;

/// <summary>A message a newer node might send that this version does not know.</summary>
public sealed record ForeignMessage(string Text);
