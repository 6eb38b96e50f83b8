using Microsoft.Win32.SafeHandles;

namespace LithairAkka.Persistence.Log;

/// <summary>
/// A read-ahead window over one segment file for recovery: large sequential reads, so a log of millions of small
/// frames opens with a few hundred system calls instead of millions.
/// </summary>
internal sealed class SegmentReader
{
    private const int WindowSize = 4 << 20;

    private byte[] _buffer = new byte[WindowSize];
    private SafeFileHandle? _handle;
    private long _windowStart;
    private int _windowLength;

    public long FileLength { get; private set; }

    public void Attach(SafeFileHandle handle)
    {
        _handle = handle;
        FileLength = RandomAccess.GetLength(handle);
        _windowStart = 0;
        _windowLength = 0;
    }

    /// <summary>Returns <paramref name="length"/> bytes at <paramref name="offset"/>; the caller checks the file is long enough.</summary>
    public ReadOnlySpan<byte> Read(long offset, int length)
    {
        if (offset < _windowStart || offset + length > _windowStart + _windowLength)
        {
            Fill(offset, length);
        }

        return _buffer.AsSpan((int)(offset - _windowStart), length);
    }

    private void Fill(long offset, int length)
    {
        if (length > _buffer.Length)
        {
            _buffer = new byte[length];
        }

        var want = (int)Math.Min(_buffer.Length, FileLength - offset);
        var read = 0;
        while (read < want)
        {
            var n = RandomAccess.Read(_handle!, _buffer.AsSpan(read, want - read), offset + read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        if (read < length)
        {
            throw new EndOfStreamException($"Read {read} of {length} bytes at offset {offset}.");
        }

        _windowStart = offset;
        _windowLength = read;
    }
}
