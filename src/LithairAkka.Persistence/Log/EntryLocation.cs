using System.Runtime.InteropServices;

namespace LithairAkka.Persistence.Log;

/// <summary>Where one entry's record lives: 24 bytes per entry in the in-memory index.</summary>
/// <param name="Term">The entry's term, kept in memory so term queries never touch the disk.</param>
/// <param name="Offset">Byte offset of the record in its segment file.</param>
/// <param name="Segment">Sequence number of the segment file.</param>
/// <param name="Length">Record length in bytes, header included.</param>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct EntryLocation(long Term, long Offset, int Segment, int Length)
{
    public int PayloadLength => Length - LogFormat.EntryHeaderSize;
}
