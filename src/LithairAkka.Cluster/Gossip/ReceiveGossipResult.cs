namespace LithairAkka.Cluster;

/// <summary>The outcome of receiving a gossip. Immutable.</summary>
/// <param name="Type">How the received gossip related to the local one.</param>
/// <param name="Gossip">The new local gossip (the old one when ignored).</param>
/// <param name="Talkback">True when the local gossip should be sent back to the sender.</param>
/// <param name="IgnoredReason">Why the gossip was ignored, for the log; <see langword="null"/> otherwise.</param>
public sealed record ReceiveGossipResult(ReceiveGossipType Type, Gossip Gossip, bool Talkback, string? IgnoredReason = null);
