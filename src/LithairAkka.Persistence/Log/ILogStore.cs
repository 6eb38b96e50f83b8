namespace LithairAkka.Persistence.Log;

/// <summary>
/// A durable store for the replicated logs of many replication groups on one node: entries, truncation of a
/// conflicting suffix, compaction of a prefix behind a snapshot, and each group's <see cref="HardState"/>.
/// </summary>
/// <remarks>
/// <para>
/// Durability: when a mutating operation's task completes successfully, its effect is on stable storage and
/// survives a process or machine crash. Operations are applied in the order they were called (one queue per store),
/// so a caller may pipeline several operations on a group without awaiting each one; if one fails, later ones that
/// depend on it fail validation too.
/// </para>
/// <para>
/// Visibility: <see cref="GetGroupInfo"/>, <see cref="TryGetTerm"/> and <see cref="ReadAsync"/> see an operation only
/// once it is durable. A caller that pipelines must track its own pending last index.
/// </para>
/// <para>
/// Cancellation: a token is observed while the operation waits in the queue; an operation already taken into a
/// write is carried out and its task reports the outcome.
/// </para>
/// <para>
/// Thread-safety: every member may be called concurrently from any thread. Rule violations (a gap in indices, a
/// decreasing term, truncating a committed entry) throw <see cref="ArgumentException"/> or
/// <see cref="InvalidOperationException"/> from the returned task and leave the log unchanged. An I/O failure or
/// detected corruption faults the store: that operation and every later one throw <see cref="LogStoreFaultedException"/>
/// or <see cref="LogCorruptionException"/>.
/// </para>
/// </remarks>
public interface ILogStore : IAsyncDisposable
{
    /// <summary>Appends entries to the end of a group's log.</summary>
    /// <param name="groupId">The replication group.</param>
    /// <param name="entries">
    /// At least one entry; indices contiguous and starting at the group's last index + 1; terms at least 1, not
    /// decreasing, and not lower than the group's last term. Payload bytes must stay unchanged until the task completes.
    /// </param>
    /// <param name="token">Cancels the append while it is still queued.</param>
    /// <returns>A task that completes once the entries are durable.</returns>
    /// <exception cref="ArgumentException">The batch is empty, not contiguous, or its first index does not follow the log.</exception>
    /// <exception cref="InvalidOperationException">A term decreases.</exception>
    ValueTask AppendAsync(long groupId, ReadOnlyMemory<LogEntry> entries, CancellationToken token = default);

    /// <summary>Removes every entry with index at least <paramref name="fromIndex"/> (Raft conflict resolution).</summary>
    /// <param name="groupId">The replication group.</param>
    /// <param name="fromIndex">First index to remove; nothing happens when it is past the last index.</param>
    /// <param name="token">Cancels the truncation while it is still queued.</param>
    /// <returns>A task that completes once the truncation is durable.</returns>
    /// <exception cref="InvalidOperationException">
    /// <paramref name="fromIndex"/> is at or below the compacted index or the persisted commit index.
    /// </exception>
    ValueTask TruncateSuffixAsync(long groupId, long fromIndex, CancellationToken token = default);

    /// <summary>
    /// Discards the entries up to and including <paramref name="upToIndex"/>, which a snapshot now covers.
    /// </summary>
    /// <remarks>
    /// Follows Raft's snapshot rule: when the log holds an entry at <paramref name="upToIndex"/> with term
    /// <paramref name="upToTerm"/>, the entries after it are kept; otherwise (the snapshot is ahead of the log or
    /// conflicts with it) the whole log is discarded and the next append must start at <paramref name="upToIndex"/> + 1.
    /// Compacting at or below the current compacted index does nothing.
    /// </remarks>
    /// <param name="groupId">The replication group.</param>
    /// <param name="upToIndex">Last index covered by the snapshot.</param>
    /// <param name="upToTerm">Term of the entry at <paramref name="upToIndex"/>.</param>
    /// <param name="token">Cancels the compaction while it is still queued.</param>
    /// <returns>A task that completes once the compaction is durable.</returns>
    ValueTask CompactPrefixAsync(long groupId, long upToIndex, long upToTerm, CancellationToken token = default);

    /// <summary>Persists a group's hard state atomically.</summary>
    /// <param name="groupId">The replication group.</param>
    /// <param name="state">The new hard state.</param>
    /// <param name="token">Cancels the update while it is still queued.</param>
    /// <returns>A task that completes once the hard state is durable.</returns>
    /// <exception cref="InvalidOperationException">
    /// The term or commit index decreases, or the vote changes within the same term.
    /// </exception>
    ValueTask SaveHardStateAsync(long groupId, HardState state, CancellationToken token = default);

    /// <summary>Reads the durable entries of a group in <c>[fromIndex, toIndex)</c>, in index order.</summary>
    /// <remarks>
    /// Stops early once adding the next entry would take the total payload size past <paramref name="maxBytes"/>,
    /// but always returns at least one entry when one exists at <paramref name="fromIndex"/>. Returns an empty list
    /// when <paramref name="fromIndex"/> is past the last index. Every entry's checksum is verified.
    /// </remarks>
    /// <param name="groupId">The replication group.</param>
    /// <param name="fromIndex">First index to read, above the compacted index.</param>
    /// <param name="toIndex">Index to stop before.</param>
    /// <param name="maxBytes">Budget of payload bytes.</param>
    /// <param name="token">Cancels the read.</param>
    /// <returns>The entries read; each owns its payload bytes.</returns>
    /// <exception cref="LogCompactedException"><paramref name="fromIndex"/> has been compacted away.</exception>
    /// <exception cref="LogCorruptionException">A stored entry fails its checksum.</exception>
    ValueTask<IReadOnlyList<LogEntry>> ReadAsync(
        long groupId,
        long fromIndex,
        long toIndex,
        long maxBytes,
        CancellationToken token = default);

    /// <summary>Returns a group's log bounds and hard state; an unknown group reads as empty.</summary>
    /// <param name="groupId">The replication group.</param>
    /// <returns>A consistent snapshot of the group's durable state. Answers from memory, never blocks on I/O.</returns>
    LogGroupInfo GetGroupInfo(long groupId);

    /// <summary>Looks up the term of the entry at <paramref name="index"/>.</summary>
    /// <param name="groupId">The replication group.</param>
    /// <param name="index">
    /// An index between the compacted index (answers the compacted term; 0 answers term 0) and the last index.
    /// </param>
    /// <param name="term">The term when found.</param>
    /// <returns><see langword="false"/> when the index is compacted away or past the last index.</returns>
    bool TryGetTerm(long groupId, long index, out long term);

    /// <summary>Lists the groups that have any durable state in this store.</summary>
    /// <returns>The group ids, in no particular order.</returns>
    IReadOnlyList<long> GetGroupIds();
}
