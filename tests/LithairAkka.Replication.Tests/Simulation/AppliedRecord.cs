using System.Buffers.Binary;
using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Tests.Simulation;

/// <summary>What the simulated state machine keeps of one applied entry: enough to compare state machines.</summary>
/// <param name="Index">The entry's index.</param>
/// <param name="Term">The entry's term.</param>
/// <param name="Key">The client proposal id for a command, 0 for a no-op, a payload hash for a configuration change.</param>
internal readonly record struct AppliedRecord(long Index, long Term, long Key)
{
    public static AppliedRecord Of(LogEntry entry) => new(entry.Index, entry.Term, KeyOf(entry));

    public static long KeyOf(LogEntry entry) => entry.Kind switch
    {
        EntryKind.Normal => BinaryPrimitives.ReadInt64LittleEndian(entry.Payload.Span),
        EntryKind.NoOp => 0,
        _ => -1 - (long)(Fnv1a(entry.Payload.Span) >> 2),
    };

    private static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    public static byte[] Payload(long proposalId)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, proposalId);
        return bytes;
    }
}
