using LithairAkka.Actors;
using LithairAkka.Hocon;
using LithairAkka.Persistence.Journal;
using LithairAkka.Persistence.Serialization;
using LithairAkka.Persistence.Sql.Postgres;
using LithairAkka.Persistence.Sql.Sqlite;

namespace LithairAkka.Persistence.Sql;

/// <summary>
/// The SQL journal (<c>akka.persistence.journal.sql</c>) on SQLite or PostgreSQL, with Akka.Persistence.Sql's
/// default tables: <c>journal</c> (one row per event; unique persistence id and sequence number), <c>tags</c>, and
/// <c>schema_version</c>. Each write call of the journal host (the requests of all persistent actors that queued
/// during the previous one) is one transaction. Payloads are serialized with the system's
/// <see cref="IEventSerializer"/>; a payload that fails to serialize rejects its atomic write. Deleting marks the
/// rows deleted and removes all of them except the highest, which keeps the highest sequence number readable.
/// Thread-safe.
/// </summary>
public sealed class SqlJournal : AsyncWriteJournal
{
    private readonly IJournalDao _dao;
    private readonly IEventSerializer _serializer;
    private readonly TimeProvider _timeProvider;
    private readonly Initializer _initializer;

    /// <summary>The plugin constructor: binds the section and uses the system's serializer and clock.</summary>
    /// <exception cref="ConfigurationException">When the section is invalid.</exception>
    public SqlJournal(Config config, ActorSystem system)
        : this(
            SqlPluginSettings.Create(config ?? throw new ArgumentNullException(nameof(config)), "akka.persistence.journal.sql"),
            Persistence.Get(system ?? throw new ArgumentNullException(nameof(system))).Serializer,
            system.TimeProvider)
    {
    }

    /// <summary>A journal with explicit settings, serializer and clock.</summary>
    public SqlJournal(SqlPluginSettings settings, IEventSerializer serializer, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Settings = settings;
        _serializer = serializer;
        _timeProvider = timeProvider;
        _dao = settings.Provider switch
        {
            SqlProvider.Sqlite => new SqliteJournalDao(settings.ConnectionString, settings.Tables, timeProvider) { ReplayBatchSize = settings.ReplayBatchSize },
            _ => new PostgresJournalDao(settings.ConnectionString, settings.Tables, timeProvider) { ReplayBatchSize = settings.ReplayBatchSize },
        };
        _initializer = new Initializer(() => _dao.InitializeAsync(settings.AutoInitialize, CancellationToken.None));
    }

    /// <summary>The bound settings.</summary>
    public SqlPluginSettings Settings { get; }

    /// <summary><c>parallelism</c> on PostgreSQL; 1 on SQLite, which has a single writer.</summary>
    public override int WriteParallelism => Settings.Provider == SqlProvider.Sqlite ? 1 : Settings.Parallelism;

    /// <summary><c>batch-size</c>.</summary>
    public override int WriteBatchSize => Settings.BatchSize;

    /// <inheritdoc/>
    public override async ValueTask<IReadOnlyList<Exception?>?> WriteMessagesAsync(IReadOnlyList<AtomicWrite> messages, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(messages);
        await EnsureInitializedAsync().ConfigureAwait(false);
        var created = _timeProvider.GetUtcNow().UtcTicks;
        var rows = new List<JournalRow>(messages.Count);
        Exception?[]? results = null;
        for (var i = 0; i < messages.Count; i++)
        {
            var start = rows.Count;
            try
            {
                foreach (var persistent in messages[i].Payload)
                {
                    rows.Add(ToRow(persistent, created));
                }
            }
            catch (Exception e)
            {
                rows.RemoveRange(start, rows.Count - start);
                results ??= new Exception?[messages.Count];
                results[i] = e;
            }
        }

        if (rows.Count > 0)
        {
            await _dao.WriteAsync(rows, token).ConfigureAwait(false);
        }

        return results;
    }

    /// <inheritdoc/>
    public override async Task ReplayMessagesAsync(
        ReplayContext context,
        string persistenceId,
        long fromSequenceNr,
        long toSequenceNr,
        long max,
        Action<Persistent> recoveryCallback,
        CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(recoveryCallback);
        await EnsureInitializedAsync().ConfigureAwait(false);
        await _dao.ReplayAsync(
            persistenceId,
            fromSequenceNr,
            toSequenceNr,
            max,
            row => recoveryCallback(new Persistent(
                Deserialize(row.Message, row.Manifest, row.SerializerId),
                row.SequenceNr,
                row.PersistenceId,
                row.Manifest,
                false,
                null,
                row.WriterUuid,
                row.Created)),
            token).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async ValueTask<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken token)
    {
        await EnsureInitializedAsync().ConfigureAwait(false);
        return await _dao.ReadHighestSequenceNrAsync(persistenceId, token).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken token)
    {
        await EnsureInitializedAsync().ConfigureAwait(false);
        await _dao.DeleteToAsync(persistenceId, toSequenceNr, token).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override ValueTask DisposeAsyncCore() => _dao.DisposeAsync();

    private JournalRow ToRow(Persistent persistent, long created)
    {
        var payload = persistent.Payload;
        string[]? tags = null;
        if (payload is Tagged tagged)
        {
            payload = tagged.Payload;
            tags = [.. tagged.Tags.Distinct(StringComparer.Ordinal)];
            foreach (var tag in tags)
            {
                if (string.IsNullOrEmpty(tag) || tag.Contains(';', StringComparison.Ordinal))
                {
                    throw new ArgumentException($"Tag [{tag}] of event {persistent.SequenceNr} of [{persistent.PersistenceId}] must be non-empty and contain no ';'.");
                }
            }
        }

        var serialized = _serializer.Serialize(payload);
        return new JournalRow(
            persistent.PersistenceId,
            persistent.SequenceNr,
            created,
            serialized.Bytes,
            serialized.Manifest,
            serialized.SerializerId,
            persistent.WriterGuid,
            tags);
    }

    private object Deserialize(byte[] message, string manifest, int serializerId) =>
        serializerId == _serializer.Identifier
            ? _serializer.Deserialize(message, manifest)
            : throw new System.Runtime.Serialization.SerializationException(
                $"An event was written by serializer {serializerId}, but this system's persistence serializer is {_serializer.Identifier}.");

    /// <summary>Creates the tables on first use; a failed attempt is retried by the next operation.</summary>
    private Task EnsureInitializedAsync() => _initializer.EnsureAsync();
}
