namespace LithairAkka.Persistence.Log;

/// <summary>What recovery found wrong with a frame: where, why and, for a failed record, the record's claims.</summary>
/// <param name="Offset">File offset of the frame or of the failed record.</param>
/// <param name="Reason">What is wrong.</param>
/// <param name="GroupId">Group the failed record claims.</param>
/// <param name="Index">Entry index the failed record claims.</param>
/// <param name="Expected">Checksum stored in the record.</param>
/// <param name="Found">Checksum computed over the bytes read.</param>
internal sealed record FrameProblem(
    long Offset,
    string Reason,
    long? GroupId = null,
    long? Index = null,
    uint? Expected = null,
    uint? Found = null)
{
    public LogCorruptionException ToException(string path, string? context = null) =>
        new(path, Offset, context is null ? Reason : $"{Reason} ({context})", GroupId, Index, Expected, Found);
}
