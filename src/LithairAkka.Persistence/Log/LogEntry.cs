namespace LithairAkka.Persistence.Log;

/// <summary>
/// One entry of a replicated log: its position (<paramref name="Index"/>), the leader term that created it
/// (<paramref name="Term"/>), an application-defined <paramref name="Kind"/> byte (command, configuration change,
/// no-op, ...) and the opaque <paramref name="Payload"/>.
/// </summary>
/// <remarks>
/// The store never interprets <paramref name="Kind"/> or <paramref name="Payload"/>. Indices and terms start at 1.
/// Equality compares <paramref name="Payload"/> by reference (as <see cref="ReadOnlyMemory{T}"/> does), not by content.
/// A caller that hands entries to <see cref="ILogStore.AppendAsync"/> must not change the payload bytes until the
/// returned task completes; entries returned by <see cref="ILogStore.ReadAsync"/> own their bytes.
/// </remarks>
/// <param name="Index">Position in the log, 1-based and contiguous within a group.</param>
/// <param name="Term">Term of the leader that created the entry, at least 1.</param>
/// <param name="Kind">Application-defined entry kind.</param>
/// <param name="Payload">Opaque entry bytes.</param>
public readonly record struct LogEntry(long Index, long Term, byte Kind, ReadOnlyMemory<byte> Payload);
