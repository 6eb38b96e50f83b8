using LithairAkka.Persistence.Log;

namespace LithairAkka.Persistence.Sql.Log;

/// <summary>The SQL a <see cref="SqlLogStore"/> needs, one implementation per provider.</summary>
/// <remarks>
/// <see cref="CommitRoundAsync"/> is only ever called by the store's single writer; reads may run concurrently with it.
/// </remarks>
internal interface ILogTables : IAsyncDisposable
{
    /// <summary>Where the log lives, for error messages ("sqlite:/data/log.db", "postgresql:host/db").</summary>
    string Location { get; }

    /// <summary>Creates the tables when missing and checks the schema version.</summary>
    Task InitializeAsync(CancellationToken token);

    /// <summary>Reads every group row.</summary>
    Task<IReadOnlyList<LogGroupRow>> LoadGroupsAsync(CancellationToken token);

    /// <summary>
    /// Streams every entry in (group, index) order; with <paramref name="withPayload"/> the payload and checksum too,
    /// otherwise the payload is empty and the checksum 0.
    /// </summary>
    Task LoadEntriesAsync(bool withPayload, Action<StoredLogEntry> visit, CancellationToken token);

    /// <summary>Carries out the accepted operations of one round in order, in one durable transaction.</summary>
    /// <param name="round">The operations; those with <c>Accepted == false</c> are skipped.</param>
    /// <param name="groupRows">The group rows to upsert after the operations, as the round leaves them.</param>
    /// <param name="token">Cancels the round before it commits.</param>
    Task CommitRoundAsync(IReadOnlyList<WriteRequest> round, IReadOnlyList<LogGroupRow> groupRows, CancellationToken token);

    /// <summary>Reads the stored entries of a group in <c>[fromIndex, toIndex)</c> in index order, within a byte budget.</summary>
    Task<IReadOnlyList<StoredLogEntry>> ReadAsync(long groupId, long fromIndex, long toIndex, long maxBytes, CancellationToken token);
}
