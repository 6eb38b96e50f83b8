using LithairAkka.Actors;
using LithairAkka.Hocon;
using LithairAkka.Persistence.Serialization;
using LithairAkka.Persistence.Snapshot;
using LithairAkka.Persistence.Sql.Postgres;
using LithairAkka.Persistence.Sql.Sqlite;

namespace LithairAkka.Persistence.Sql;

/// <summary>
/// The SQL snapshot store (<c>akka.persistence.snapshot-store.sql</c>) on SQLite or PostgreSQL, with
/// Akka.Persistence.Sql's default <c>snapshot</c> table (primary key persistence id and sequence number; saving the
/// same pair again replaces the row). Snapshots are serialized with the system's <see cref="IEventSerializer"/>.
/// Thread-safe.
/// </summary>
public sealed class SqlSnapshotStore : SnapshotStore
{
    private readonly ISnapshotDao _dao;
    private readonly IEventSerializer _serializer;
    private readonly Initializer _initializer;

    /// <summary>The plugin constructor: binds the section and uses the system's serializer and clock.</summary>
    /// <exception cref="ConfigurationException">When the section is invalid.</exception>
    public SqlSnapshotStore(Config config, ActorSystem system)
        : this(
            SqlPluginSettings.Create(config ?? throw new ArgumentNullException(nameof(config)), "akka.persistence.snapshot-store.sql"),
            Persistence.Get(system ?? throw new ArgumentNullException(nameof(system))).Serializer,
            system.TimeProvider)
    {
    }

    /// <summary>A store with explicit settings, serializer and clock.</summary>
    public SqlSnapshotStore(SqlPluginSettings settings, IEventSerializer serializer, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Settings = settings;
        _serializer = serializer;
        _dao = settings.Provider switch
        {
            SqlProvider.Sqlite => new SqliteSnapshotDao(settings.ConnectionString, settings.Tables, timeProvider),
            _ => new PostgresSnapshotDao(settings.ConnectionString, settings.Tables, timeProvider),
        };
        _initializer = new Initializer(() => _dao.InitializeAsync(settings.AutoInitialize, CancellationToken.None));
    }

    /// <summary>The bound settings.</summary>
    public SqlPluginSettings Settings { get; }

    /// <inheritdoc/>
    public override async Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        await _initializer.EnsureAsync().ConfigureAwait(false);
        var row = await _dao.LoadAsync(persistenceId, criteria, token).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        if (row.SerializerId != _serializer.Identifier)
        {
            throw new System.Runtime.Serialization.SerializationException(
                $"The snapshot was written by serializer {row.SerializerId}, but this system's persistence serializer is {_serializer.Identifier}.");
        }

        return new SelectedSnapshot(
            new SnapshotMetadata(persistenceId, row.SequenceNr, new DateTime(row.Created, DateTimeKind.Utc)),
            _serializer.Deserialize(row.Snapshot, row.Manifest));
    }

    /// <inheritdoc/>
    public override async Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(snapshot);
        var serialized = _serializer.Serialize(snapshot);
        await _initializer.EnsureAsync().ConfigureAwait(false);
        await _dao.SaveAsync(
            new SnapshotRow(metadata.PersistenceId, metadata.SequenceNr, metadata.Timestamp.Ticks, serialized.Bytes, serialized.Manifest, serialized.SerializerId),
            token).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async Task DeleteAsync(SnapshotMetadata metadata, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        await _initializer.EnsureAsync().ConfigureAwait(false);
        await _dao.DeleteAsync(metadata.PersistenceId, metadata.SequenceNr, token).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        await _initializer.EnsureAsync().ConfigureAwait(false);
        await _dao.DeleteAsync(persistenceId, criteria, token).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override ValueTask DisposeAsyncCore() => _dao.DisposeAsync();
}
