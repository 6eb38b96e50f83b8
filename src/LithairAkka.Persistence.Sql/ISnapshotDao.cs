namespace LithairAkka.Persistence.Sql;

/// <summary>The snapshot table operations of one database provider. Thread-safe.</summary>
internal interface ISnapshotDao : IAsyncDisposable
{
    /// <summary>Creates the tables when missing and checks the schema version.</summary>
    Task InitializeAsync(bool createTables, CancellationToken token);

    /// <summary>The youngest row matching the criteria, or null.</summary>
    Task<SnapshotRow?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken token);

    /// <summary>Inserts or replaces the row with the same persistence id and sequence number.</summary>
    Task SaveAsync(SnapshotRow row, CancellationToken token);

    /// <summary>Deletes the row with this persistence id and sequence number.</summary>
    Task DeleteAsync(string persistenceId, long sequenceNr, CancellationToken token);

    /// <summary>Deletes the rows matching the criteria.</summary>
    Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken token);
}
