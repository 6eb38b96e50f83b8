namespace LithairAkka.Persistence.Tests.Log;

/// <summary>Helpers that find and damage bytes in a closed store's files.</summary>
public static class StoreFiles
{
    public static string[] Segments(string directory) =>
        [.. Directory.GetFiles(directory, "*.seg").Order(StringComparer.Ordinal)];

    /// <summary>Finds the segment and offset of a byte sequence (an entry's payload) in the store's segments.</summary>
    public static (string Path, long Offset) Find(string directory, ReadOnlySpan<byte> needle)
    {
        foreach (var path in Segments(directory))
        {
            var bytes = File.ReadAllBytes(path);
            var at = bytes.AsSpan().IndexOf(needle);
            if (at >= 0)
            {
                return (path, at);
            }
        }

        throw new InvalidOperationException("pattern not found in any segment");
    }

    /// <summary>Offset just past the last non-zero byte of a file.</summary>
    public static long DataEnd(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes.AsSpan().LastIndexOfAnyExcept((byte)0) + 1;
    }

    public static void Write(string path, long offset, ReadOnlySpan<byte> bytes)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Write);
        RandomAccess.Write(handle, bytes, offset);
    }

    public static void FlipByte(string path, long offset)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite);
        var one = new byte[1];
        RandomAccess.Read(handle, one, offset);
        one[0] ^= 0x5A;
        RandomAccess.Write(handle, one, offset);
    }
}
