namespace LithairAkka.Persistence.Log;

/// <summary>
/// Thrown by <see cref="ILogStore.ReadAsync"/> when the requested index has been compacted into a snapshot; a leader
/// that sees it sends the follower a snapshot instead of entries.
/// </summary>
public sealed class LogCompactedException : InvalidOperationException
{
    /// <summary>Creates the exception for a read below the first available index.</summary>
    /// <param name="groupId">The replication group.</param>
    /// <param name="requestedIndex">The index that was asked for.</param>
    /// <param name="compactedIndex">The last index removed by compaction.</param>
    public LogCompactedException(long groupId, long requestedIndex, long compactedIndex)
        : base($"Group {groupId}: index {requestedIndex} is compacted (the log starts after index {compactedIndex}).")
    {
        GroupId = groupId;
        RequestedIndex = requestedIndex;
        CompactedIndex = compactedIndex;
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public LogCompactedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LogCompactedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the default message.</summary>
    public LogCompactedException()
    {
    }

    /// <summary>The replication group.</summary>
    public long GroupId { get; }

    /// <summary>The index that was asked for.</summary>
    public long RequestedIndex { get; }

    /// <summary>The last index removed by compaction; the log starts at the index after it.</summary>
    public long CompactedIndex { get; }
}
