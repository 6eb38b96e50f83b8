using LithairAkka.Persistence.Log;

namespace LithairAkka.Persistence.CrashHost;

/// <summary>
/// The content of every entry the crash host writes is a function of (group, index, term), so a checker can tell
/// a correct entry from a wrong one without having seen it.
/// </summary>
public static class CrashPayload
{
    /// <summary>Builds the entry the crash host writes at <paramref name="index"/> in <paramref name="term"/>.</summary>
    /// <param name="group">The group.</param>
    /// <param name="index">The index.</param>
    /// <param name="term">The term.</param>
    /// <returns>The entry, with 16 to 527 payload bytes.</returns>
    public static LogEntry Make(long group, long index, long term)
    {
        var seed = unchecked((int)((group * 1_000_003) + (index * 7919) + (term * 104_729)));
        var random = new Random(seed);
        var payload = new byte[16 + random.Next(512)];
        random.NextBytes(payload);
        return new LogEntry(index, term, (byte)(index % 5), payload);
    }

    /// <summary>Whether <paramref name="entry"/> is exactly what the crash host writes at its index and term.</summary>
    /// <param name="group">The group.</param>
    /// <param name="entry">The entry read back.</param>
    /// <returns><see langword="true"/> when kind and payload match.</returns>
    public static bool IsIntact(long group, LogEntry entry)
    {
        var expected = Make(group, entry.Index, entry.Term);
        return expected.Kind == entry.Kind && expected.Payload.Span.SequenceEqual(entry.Payload.Span);
    }
}
