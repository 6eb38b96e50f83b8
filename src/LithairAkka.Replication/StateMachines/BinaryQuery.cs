namespace LithairAkka.Replication.StateMachines;

/// <summary>
/// A query in the state machine's own binary encoding, as it arrives from the network (<c>POST /queries</c>). The
/// base <see cref="StateMachineActor"/> hands <paramref name="Query"/> to <see cref="StateMachineActor.QueryBytes"/>
/// and answers a <see cref="BinaryQueryResult"/>. Immutable.
/// </summary>
/// <param name="Query">The encoded query.</param>
public sealed record BinaryQuery(ReadOnlyMemory<byte> Query);
