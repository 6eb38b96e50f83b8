namespace LithairAkka.Persistence.Sql;

/// <summary>The journal table operations of one database provider. Thread-safe.</summary>
internal interface IJournalDao : IAsyncDisposable
{
    /// <summary>Creates the tables when missing and checks the schema version.</summary>
    Task InitializeAsync(bool createTables, CancellationToken token);

    /// <summary>Inserts the rows (and their tags) in one transaction: all or none.</summary>
    Task WriteAsync(IReadOnlyList<JournalRow> rows, CancellationToken token);

    /// <summary>Reads the not deleted rows of a range in sequence order, at most <paramref name="max"/>.</summary>
    Task ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<JournalRow> onRow, CancellationToken token);

    /// <summary>The highest sequence number of the persistence id (deleted rows included), 0 when none.</summary>
    Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken token);

    /// <summary>Marks rows up to <paramref name="toSequenceNr"/> deleted and removes all of them but the highest row.</summary>
    Task DeleteToAsync(string persistenceId, long toSequenceNr, CancellationToken token);
}
