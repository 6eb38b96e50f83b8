using LithairAkka.Actors;

namespace LithairAkka.Replication.StateMachines;

/// <summary>Apply one committed entry; <paramref name="ReplyTo"/> (if any) receives the result.</summary>
/// <param name="Index">The entry's log index.</param>
/// <param name="Term">The entry's term.</param>
/// <param name="Payload">A <see cref="CommandEnvelope"/> encoding.</param>
/// <param name="ReplyTo">The waiting client, or <see langword="null"/>.</param>
public sealed record ApplyCommitted(long Index, long Term, ReadOnlyMemory<byte> Payload, IActorRef? ReplyTo);
