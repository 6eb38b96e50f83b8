namespace LithairAkka.Persistence.Journal;

/// <summary>
/// Base of journal plugins, Akka's contract: store atomic writes, replay a range of one persistence id, read its
/// highest sequence number, delete a prefix. A plugin is a plain object hosted by a journal actor that the
/// <see cref="Persistence"/> extension creates from the plugin's config section (<c>class = "Type, Assembly"</c>;
/// constructor <c>(Config, ActorSystem)</c>, <c>(Config)</c> or <c>()</c>).
/// </summary>
/// <remarks>
/// The host batches: every <see cref="WriteMessages"/> request that arrives while a
/// <see cref="WriteMessagesAsync"/> call runs joins the next call (up to <see cref="WriteBatchSize"/> atomic
/// writes), so one call usually carries the events of many actors. At most <see cref="WriteParallelism"/> calls
/// run at once, and a persistent actor never has two requests in flight, so the writes of one persistence id
/// arrive in order. Replays and deletions run concurrently with writes. All members must be thread-safe.
/// </remarks>
public abstract class AsyncWriteJournal : IAsyncDisposable
{
    private int _disposed;

    /// <summary>How many <see cref="WriteMessagesAsync"/> calls the host may run at once (default 1).</summary>
    public virtual int WriteParallelism => 1;

    /// <summary>The most atomic writes the host passes to one <see cref="WriteMessagesAsync"/> call (default 100; one request is never split).</summary>
    public virtual int WriteBatchSize => 100;

    /// <summary>
    /// Stores <paramref name="messages"/>. Each <see cref="AtomicWrite"/> is stored entirely or not at all.
    /// </summary>
    /// <returns>
    /// Null when every write was stored; otherwise one entry per write, in order: null when stored, the reason when
    /// the write was rejected before anything of it was stored (e.g. a payload failed to serialize).
    /// </returns>
    /// <remarks>
    /// Throw (or fault the task) when the store failed; the host then treats the call as having stored nothing,
    /// so a plugin must write a call in one transaction. After a failed call of several requests the host retries
    /// each request on its own, so that one bad request does not fail the actors it was batched with.
    /// </remarks>
    public abstract ValueTask<IReadOnlyList<Exception?>?> WriteMessagesAsync(IReadOnlyList<AtomicWrite> messages, CancellationToken token);

    /// <summary>
    /// Calls <paramref name="recoveryCallback"/> for the stored events of <paramref name="persistenceId"/> with
    /// sequence numbers in [<paramref name="fromSequenceNr"/>, <paramref name="toSequenceNr"/>], ascending, at most
    /// <paramref name="max"/> of them. Deleted events may be passed with <see cref="Persistent.IsDeleted"/> set; the
    /// host drops them (and they count against <paramref name="max"/>).
    /// </summary>
    /// <param name="context">The replay's actor system and recipient.</param>
    /// <param name="persistenceId">The stream.</param>
    /// <param name="fromSequenceNr">Lowest sequence number (inclusive).</param>
    /// <param name="toSequenceNr">Highest sequence number (inclusive).</param>
    /// <param name="max">Most events to pass.</param>
    /// <param name="recoveryCallback">Receives the events; called sequentially.</param>
    /// <param name="token">Cancelled when the journal stops.</param>
    public abstract Task ReplayMessagesAsync(
        ReplayContext context,
        string persistenceId,
        long fromSequenceNr,
        long toSequenceNr,
        long max,
        Action<Persistent> recoveryCallback,
        CancellationToken token);

    /// <summary>
    /// The highest sequence number ever stored for <paramref name="persistenceId"/>, 0 when none. It never goes
    /// backwards, not even when the events were deleted.
    /// </summary>
    /// <param name="persistenceId">The stream.</param>
    /// <param name="fromSequenceNr">A hint: the answer is at least this minus one when anything was stored.</param>
    /// <param name="token">Cancelled when the journal stops.</param>
    public abstract ValueTask<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken token);

    /// <summary>Deletes the events of <paramref name="persistenceId"/> up to <paramref name="toSequenceNr"/> (inclusive).</summary>
    public abstract Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken token);

    /// <summary>Releases the plugin's resources; the host calls it once after its last operation ended. Idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await DisposeAsyncCore().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Override to release connections, threads or files.</summary>
    protected virtual ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;
}
