using Microsoft.Win32.SafeHandles;

namespace LithairAkka.Persistence.Log;

/// <summary>
/// One open segment file. Reference-counted so that a reader that copied locations under a group's lock can finish
/// its reads even if the writer deletes the segment meanwhile: the file name goes at once, the handle with the last
/// reference.
/// </summary>
internal sealed class SegmentFile(int sequence, string path, SafeFileHandle handle)
{
    private int _references = 1;

    public int Sequence { get; } = sequence;

    public string Path { get; } = path;

    public SafeFileHandle Handle { get; } = handle;

    /// <summary>Live entries stored in this segment; writer thread only.</summary>
    public long LiveEntries { get; set; }

    /// <summary>Whether any frame has been written; writer thread only.</summary>
    public bool HasFrames { get; set; }

    /// <summary>End of the last valid frame: where the next frame goes when this segment is active.</summary>
    public long DataEnd { get; set; } = LogFormat.SegmentHeaderSize;

    public bool TryAcquire()
    {
        var current = Volatile.Read(ref _references);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref _references, current + 1, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            Handle.Dispose();
        }
    }
}
