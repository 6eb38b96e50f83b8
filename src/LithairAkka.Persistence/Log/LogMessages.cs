using Microsoft.Extensions.Logging;

namespace LithairAkka.Persistence.Log;

/// <summary>Source-generated log messages of the log store; event ids 3100-3199.</summary>
internal static partial class LogMessages
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning,
        Message = "Trimmed a torn tail of {TrimmedBytes} bytes from segment '{Path}' at offset {Offset} ({Reason}); it was never acknowledged")]
    public static partial void TornTailTrimmed(ILogger logger, string path, long offset, long trimmedBytes, string reason);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information,
        Message = "Opened log store '{Directory}': {Groups} groups, {Entries} entries in {Segments} segments, in {ElapsedMs} ms (checkpoint {CheckpointUsed})")]
    public static partial void Opened(ILogger logger, string directory, int groups, long entries, int segments, long elapsedMs, bool checkpointUsed);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning,
        Message = "Ignoring the checkpoint of log store '{Directory}': {Reason}; rebuilding the index from the segments")]
    public static partial void CheckpointIgnored(ILogger logger, string directory, string reason);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Debug, Message = "Deleted log segment '{Path}': no live entries left")]
    public static partial void SegmentDeleted(ILogger logger, string path);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Error, Message = "The log store '{Directory}' faulted; every operation now fails")]
    public static partial void Faulted(ILogger logger, Exception error, string directory);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "Writing a checkpoint of log store '{Directory}' failed; the log itself is unaffected")]
    public static partial void CheckpointFailed(ILogger logger, Exception error, string directory);
}
