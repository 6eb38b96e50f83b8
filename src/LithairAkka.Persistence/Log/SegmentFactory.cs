namespace LithairAkka.Persistence.Log;

/// <summary>Creates and opens segment files.</summary>
internal static class SegmentFactory
{
    private const int ZeroChunk = 1 << 20;

    /// <summary>
    /// Creates segment <paramref name="sequence"/> durably: written under a temporary name (header, then zeros up to
    /// <paramref name="preallocateBytes"/>), flushed, renamed, directory flushed. A crash leaves either no segment or
    /// a complete empty one, never a half-written header.
    /// </summary>
    public static SegmentFile Create(string directory, int sequence, long preallocateBytes)
    {
        var path = Path.Combine(directory, LogFormat.SegmentFileName(sequence));
        var temp = path + LogFormat.TempExtension;
        using (var handle = File.OpenHandle(temp, FileMode.Create, FileAccess.ReadWrite))
        {
            var header = new byte[LogFormat.SegmentHeaderSize];
            LogFormat.WriteSegmentHeader(header, sequence);
            RandomAccess.Write(handle, header, 0);
            if (preallocateBytes > LogFormat.SegmentHeaderSize)
            {
                var zeros = new byte[ZeroChunk];
                for (long at = LogFormat.SegmentHeaderSize; at < preallocateBytes; at += ZeroChunk)
                {
                    RandomAccess.Write(handle, zeros.AsSpan(0, (int)Math.Min(ZeroChunk, preallocateBytes - at)), at);
                }
            }

            NativeMethods.FlushData(handle);
        }

        File.Move(temp, path);
        NativeMethods.FlushDirectory(directory);
        return Open(path, sequence);
    }

    public static SegmentFile Open(string path, int sequence) =>
        new(sequence, path, File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read));

    /// <summary>Parses a segment file name; false for files that are not segments.</summary>
    public static bool TryParseName(string fileName, out int sequence)
    {
        sequence = 0;
        return fileName.EndsWith(LogFormat.SegmentExtension, StringComparison.Ordinal)
            && fileName.Length == 20 + LogFormat.SegmentExtension.Length
            && int.TryParse(fileName.AsSpan(0, 20), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out sequence);
    }

    /// <summary>Zeroes <c>[from, end of file)</c> where it is not zero already; returns how many bytes were non-zero garbage.</summary>
    public static long ZeroFrom(SegmentFile segment, long from)
    {
        var length = RandomAccess.GetLength(segment.Handle);
        var buffer = new byte[ZeroChunk];
        var zeros = new byte[ZeroChunk];
        long lastNonZero = -1;
        for (var at = from; at < length; at += ZeroChunk)
        {
            var n = (int)Math.Min(ZeroChunk, length - at);
            var chunk = buffer.AsSpan(0, n);
            RandomAccess.Read(segment.Handle, chunk, at);
            var last = chunk.LastIndexOfAnyExcept((byte)0);
            if (last >= 0)
            {
                lastNonZero = at + last;
                RandomAccess.Write(segment.Handle, zeros.AsSpan(0, n), at);
            }
        }

        return lastNonZero < 0 ? 0 : lastNonZero + 1 - from;
    }
}
