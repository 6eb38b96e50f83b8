namespace LithairAkka.Replication.StateMachines;

/// <summary>The answer to a <see cref="BinaryQuery"/>, in the state machine's own encoding. Immutable.</summary>
/// <param name="Result">The encoded answer.</param>
public sealed record BinaryQueryResult(ReadOnlyMemory<byte> Result);
