using System.Buffers.Binary;

namespace LithairAkka.Persistence.Log;

/// <summary>
/// A snapshot of the in-memory index at a frame boundary of the log, so opening a large log does not replay every
/// record. An accelerator only: the log alone is always enough to rebuild the index, so a missing, damaged or stale
/// checkpoint is ignored with a warning.
/// </summary>
/// <remarks>
/// Layout: magic "LALOGCK1", version, the tail position (segment, offset, next frame number), the group count, then
/// per group its bounds, hard state and entry locations delta-encoded as zig-zag varints (about 5 bytes an entry),
/// and a CRC-32C of all that. Written to a temporary file, flushed, renamed over the previous one, directory flushed.
/// </remarks>
internal sealed class LogCheckpoint
{
    public const string FileName = "checkpoint.dat";
    private const ulong Magic = 0x314B_4347_4F4C_414C;

    private LogCheckpoint(int segment, long offset, long nextFrameSequence, List<GroupLog> groups)
    {
        Segment = segment;
        Offset = offset;
        NextFrameSequence = nextFrameSequence;
        Groups = groups;
    }

    /// <summary>Segment where replay resumes.</summary>
    public int Segment { get; }

    /// <summary>Offset in <see cref="Segment"/> where replay resumes (a frame boundary).</summary>
    public long Offset { get; }

    /// <summary>Number of the first frame after the checkpoint.</summary>
    public long NextFrameSequence { get; }

    public List<GroupLog> Groups { get; }

    /// <summary>Encodes the index; the caller (the writer thread) guarantees nothing mutates it meanwhile.</summary>
    public static byte[] Serialize(int segment, long offset, long nextFrameSequence, ICollection<GroupLog> groups)
    {
        var entries = 0L;
        foreach (var group in groups)
        {
            entries += group.Count;
        }

        var buffer = new Buffer(64 + (groups.Count * 96) + (int)Math.Min(entries * 8, int.MaxValue / 2));
        buffer.Fixed64((long)Magic);
        buffer.Fixed64(LogFormat.FormatVersion);
        buffer.Fixed64(segment);
        buffer.Fixed64(offset);
        buffer.Fixed64(nextFrameSequence);
        buffer.Fixed64(groups.Count);
        foreach (var group in groups)
        {
            var b = group.Bounds;
            buffer.Fixed64(group.GroupId);
            buffer.Var(b.CompactedIndex);
            buffer.Var(b.CompactedTerm);
            buffer.Var(b.HardState.Term);
            buffer.Var(b.HardState.VotedFor ?? -1);
            buffer.Var(b.HardState.CommitIndex);
            buffer.Var(group.Count);
            EntryLocation previous = default;
            foreach (var location in group.Entries)
            {
                buffer.Var(location.Term - previous.Term);
                buffer.Var(location.Segment - previous.Segment);
                buffer.Var(location.Offset - previous.Offset);
                buffer.Var(location.Length);
                previous = location;
            }
        }

        buffer.Fixed32(Crc32C.Compute(buffer.Written));
        return buffer.Written.ToArray();
    }

    /// <summary>Writes an encoded checkpoint durably, replacing the previous one atomically.</summary>
    public static void WriteFile(string directory, byte[] data)
    {
        var temp = Path.Combine(directory, FileName + LogFormat.TempExtension);
        using (var handle = File.OpenHandle(temp, FileMode.Create, FileAccess.Write))
        {
            RandomAccess.Write(handle, data, 0);
            NativeMethods.FlushData(handle);
        }

        File.Move(temp, Path.Combine(directory, FileName), overwrite: true);
        NativeMethods.FlushDirectory(directory);
    }

    /// <summary>Loads the checkpoint, or returns null with the reason it cannot be used.</summary>
    public static LogCheckpoint? TryLoad(string directory, out string? reason)
    {
        var path = Path.Combine(directory, FileName);
        reason = null;
        if (!File.Exists(path))
        {
            return null;
        }

        var data = File.ReadAllBytes(path);
        if (data.Length < 52
            || BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(data.Length - 4)) != Crc32C.Compute(data.AsSpan(0, data.Length - 4)))
        {
            reason = "it fails its checksum";
            return null;
        }

        try
        {
            return Parse(new Reader(data.AsMemory(0, data.Length - 4)), out reason);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or IndexOutOfRangeException or InvalidDataException)
        {
            reason = $"it cannot be parsed ({ex.Message})";
            return null;
        }
    }

    private static LogCheckpoint? Parse(Reader reader, out string? reason)
    {
        reason = null;
        if ((ulong)reader.Fixed64() != Magic || reader.Fixed64() != LogFormat.FormatVersion)
        {
            reason = "it has an unknown format";
            return null;
        }

        var segment = (int)reader.Fixed64();
        var offset = reader.Fixed64();
        var nextFrame = reader.Fixed64();
        var groupCount = (int)reader.Fixed64();
        var groups = new List<GroupLog>(groupCount);
        for (var g = 0; g < groupCount; g++)
        {
            var group = new GroupLog(reader.Fixed64());
            var compacted = reader.Var();
            var compactedTerm = reader.Var();
            group.CompactTo(compacted, compactedTerm, keepSuffix: false);
            var term = reader.Var();
            var vote = reader.Var();
            group.Bounds.HardState = new HardState(term, vote < 0 ? null : vote, reader.Var());
            var count = reader.Var();
            EntryLocation previous = default;
            for (var i = 0; i < count; i++)
            {
                var entryTerm = previous.Term + reader.Var();
                var entrySegment = previous.Segment + (int)reader.Var();
                var entryOffset = previous.Offset + reader.Var();
                var location = new EntryLocation(entryTerm, entryOffset, entrySegment, (int)reader.Var());
                group.TryAppend(compacted + 1 + i, location, recovering: false);
                previous = location;
            }

            groups.Add(group);
        }

        return new LogCheckpoint(segment, offset, nextFrame, groups);
    }

    private sealed class Buffer(int capacity)
    {
        private byte[] _data = new byte[Math.Max(capacity, 64)];
        private int _length;

        public ReadOnlySpan<byte> Written => _data.AsSpan(0, _length);

        public void Fixed64(long value)
        {
            Ensure(8);
            BinaryPrimitives.WriteInt64LittleEndian(_data.AsSpan(_length), value);
            _length += 8;
        }

        public void Fixed32(uint value)
        {
            Ensure(4);
            BinaryPrimitives.WriteUInt32LittleEndian(_data.AsSpan(_length), value);
            _length += 4;
        }

        public void Var(long value)
        {
            Ensure(10);
            var zigzag = (ulong)((value << 1) ^ (value >> 63));
            while (zigzag >= 0x80)
            {
                _data[_length++] = (byte)(zigzag | 0x80);
                zigzag >>= 7;
            }

            _data[_length++] = (byte)zigzag;
        }

        private void Ensure(int more)
        {
            if (_length + more > _data.Length)
            {
                Array.Resize(ref _data, Math.Max(_data.Length * 2, _length + more));
            }
        }
    }

    private sealed class Reader(ReadOnlyMemory<byte> data)
    {
        private int _position;

        public long Fixed64()
        {
            var value = BinaryPrimitives.ReadInt64LittleEndian(data.Span[_position..]);
            _position += 8;
            return value;
        }

        public long Var()
        {
            var span = data.Span;
            ulong result = 0;
            var shift = 0;
            while (true)
            {
                var b = span[_position++];
                result |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }

                shift += 7;
                if (shift > 63)
                {
                    throw new InvalidDataException("A varint in the checkpoint is too long.");
                }
            }

            return (long)(result >> 1) ^ -(long)(result & 1);
        }
    }
}
