using System.Text.Json.Serialization;

namespace LithairAkka.Chaos.Histories;

/// <summary>
/// One client operation of a history: what was asked, when (monotonic ticks of 100 ns since the run started), and
/// what came back. One JSON line per operation in a recorded history (see <see cref="HistoryJson"/>).
/// </summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record Operation
{
    /// <summary>Unique id of the operation within its history.</summary>
    public required long Id { get; init; }

    /// <summary>
    /// The logical process (client) that ran it. A process runs one operation at a time; after an indeterminate
    /// outcome a client continues under a fresh process id, because its earlier operation may still be in flight.
    /// </summary>
    public required int Process { get; init; }

    /// <summary>The request.</summary>
    public required OperationKind Kind { get; init; }

    /// <summary>The key (one per operation; the checker decomposes the history per key).</summary>
    public required string Key { get; init; }

    /// <summary>The value written by a put or conditional put; <see langword="null"/> otherwise.</summary>
    public string? Value { get; init; }

    /// <summary>The expected version of a conditional put (0: only if absent); <see langword="null"/> otherwise.</summary>
    public long? IfVersion { get; init; }

    /// <summary>When the request was sent (ticks of 100 ns on a monotonic clock).</summary>
    public required long Invoke { get; init; }

    /// <summary>
    /// When the answer arrived, or when the client gave up for an <see cref="OperationOutcome.Indeterminate"/> outcome
    /// (the checker treats an indeterminate operation as never completing). Not earlier than <see cref="Invoke"/>.
    /// </summary>
    public required long Complete { get; init; }

    /// <summary>How it ended.</summary>
    public required OperationOutcome Outcome { get; init; }

    /// <summary>
    /// The version in the answer: the new version of a successful write, the version read by a successful get, the
    /// current version reported by a <c>409</c>; <see langword="null"/> otherwise (deletes answer no version).
    /// </summary>
    public long? Version { get; init; }

    /// <summary>The value returned by a successful get; <see langword="null"/> otherwise.</summary>
    public string? ReadValue { get; init; }

    /// <summary>Index of the node the request was sent to, when known (diagnostics only; the checker ignores it).</summary>
    public int? Node { get; init; }

    /// <summary>Why the operation failed or is indeterminate (<c>connection refused</c>, <c>HTTP 504</c>, ...), else
    /// <see langword="null"/>; diagnostics only.</summary>
    public string? Detail { get; init; }

    /// <summary>Whether the operation can change the key (put, conditional put, delete).</summary>
    [JsonIgnore]
    public bool IsWrite => Kind != OperationKind.Get;

    /// <summary>Whether the outcome is definite (not <see cref="OperationOutcome.Indeterminate"/>).</summary>
    [JsonIgnore]
    public bool IsDeterminate => Outcome != OperationOutcome.Indeterminate;
}
