using System.Buffers.Binary;
using LithairAkka.Persistence.Log;

namespace LithairAkka.Persistence.Sql.Log;

/// <summary>An entry row as stored, with the checksum written beside it.</summary>
internal readonly record struct StoredLogEntry(long GroupId, long Index, long Term, byte Kind, byte[] Payload, uint Checksum)
{
    /// <summary>
    /// CRC32C over the group, index, term, kind and payload: a row whose payload was damaged, or that was moved to
    /// another key, fails it.
    /// </summary>
    public static uint Compute(long groupId, long index, long term, byte kind, ReadOnlySpan<byte> payload)
    {
        Span<byte> header = stackalloc byte[25];
        BinaryPrimitives.WriteInt64LittleEndian(header, groupId);
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], index);
        BinaryPrimitives.WriteInt64LittleEndian(header[16..], term);
        header[24] = kind;
        return Crc32C.Append(Crc32C.Compute(header), payload);
    }

    /// <summary>The checksum of this row's content, to compare with <see cref="Checksum"/>.</summary>
    public uint ComputeChecksum() => Compute(GroupId, Index, Term, Kind, Payload);

    /// <summary>The row as a log entry.</summary>
    public LogEntry ToEntry() => new(Index, Term, Kind, Payload);
}
