using LithairAkka.Actors;

namespace LithairAkka.Replication.StateMachines;

/// <summary>Apply one committed entry; <paramref name="ReplyTo"/> (if any) receives the result.</summary>
/// <param name="Index">The entry's log index.</param>
/// <param name="Term">The entry's term.</param>
/// <param name="Payload">A <see cref="CommandEnvelope"/> encoding.</param>
/// <param name="ReplyTo">The waiting client, or <see langword="null"/>.</param>
public sealed record ApplyCommitted(long Index, long Term, ReadOnlyMemory<byte> Payload, IActorRef? ReplyTo);

/// <summary>Run a read-only query against the current state; <paramref name="ReplyTo"/> receives a <see cref="QueryResult"/>.</summary>
/// <param name="Query">The state machine's query object.</param>
/// <param name="ReplyTo">Who receives the answer.</param>
public sealed record QueryStateMachine(object Query, IActorRef ReplyTo);

/// <summary>The answer to a read.</summary>
/// <param name="Result">The state machine's answer.</param>
/// <param name="AppliedIndex">The applied index the answer reflects.</param>
public sealed record QueryResult(object Result, long AppliedIndex);

/// <summary>Write a snapshot of the state; the sender receives <see cref="SnapshotTaken"/>.</summary>
public sealed record TakeSnapshot;

/// <summary>A snapshot of the state machine (state plus deduplication table).</summary>
/// <param name="AppliedIndex">The last entry index the snapshot contains.</param>
/// <param name="Data">The snapshot bytes.</param>
public sealed record SnapshotTaken(long AppliedIndex, byte[] Data);

/// <summary>Replace the whole state with a snapshot's; no answer.</summary>
/// <param name="AppliedIndex">The snapshot's last index.</param>
/// <param name="Data">Bytes written by a <see cref="TakeSnapshot"/> of the same state machine type.</param>
public sealed record RestoreSnapshot(long AppliedIndex, byte[] Data);
