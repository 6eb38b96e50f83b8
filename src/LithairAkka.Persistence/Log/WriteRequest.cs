namespace LithairAkka.Persistence.Log;

/// <summary>One queued mutation of a <see cref="FileLogStore"/>, completed by the writer after its round is durable.</summary>
internal sealed class WriteRequest
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WriteRequest(RecordType type, long groupId, CancellationToken token)
    {
        Type = type;
        GroupId = groupId;
        Token = token;
    }

    public RecordType Type { get; }

    public long GroupId { get; }

    public CancellationToken Token { get; }

    /// <summary>Entries of an append.</summary>
    public ReadOnlyMemory<LogEntry> Entries { get; init; }

    /// <summary>Truncation start, or compaction end.</summary>
    public long Index { get; init; }

    /// <summary>Compaction term.</summary>
    public long Term { get; init; }

    /// <summary>New hard state.</summary>
    public HardState State { get; init; }

    /// <summary>
    /// For a relocation (internal, never from a caller): the old locations of the group's whole live log, which the
    /// frame re-states as a truncation from <see cref="Index"/> followed by copies of the entry records.
    /// </summary>
    public EntryLocation[]? Relocated { get; init; }

    /// <summary>Serialized size of the request's records.</summary>
    public int Size { get; init; }

    // Set by the writer while it builds a round.
    public bool Accepted { get; set; }

    public bool KeepSuffix { get; set; }

    public int BodyOffset { get; set; }

    public Task Task => _completion.Task;

    public void Complete() => _completion.TrySetResult();

    public void Fail(Exception error) => _completion.TrySetException(error);

    public void Cancel() => _completion.TrySetCanceled(Token);
}
