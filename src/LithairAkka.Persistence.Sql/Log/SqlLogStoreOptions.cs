using LithairAkka.Persistence.Log;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LithairAkka.Persistence.Sql.Log;

/// <summary>Where and how a <see cref="SqlLogStore"/> keeps the replicated logs.</summary>
/// <param name="Provider">SQLite (embedded, one writer process) or PostgreSQL.</param>
/// <param name="ConnectionString">
/// The provider's connection string. For SQLite, <c>Data Source=PATH</c>; the store switches the file to WAL mode with
/// <c>synchronous=FULL</c>, so a committed round is on disk.
/// </param>
public sealed record SqlLogStoreOptions(SqlProvider Provider, string ConnectionString)
{
    /// <summary>PostgreSQL schema of the tables; empty for the connection's default.</summary>
    public string Schema { get; init; } = string.Empty;

    /// <summary>Table of log entries, one row per (group, index).</summary>
    public string EntryTable { get; init; } = "log_entry";

    /// <summary>Table of per-group state: hard state and compaction point.</summary>
    public string GroupTable { get; init; } = "log_group";

    /// <summary>Table recording schema versions, shared with the journal and snapshot store.</summary>
    public string SchemaVersionTable { get; init; } = "schema_version";

    /// <summary>Most operations committed in one transaction (group commit round).</summary>
    public int MaxRoundOperations { get; init; } = 1024;

    /// <summary>Largest payload one entry may carry.</summary>
    public int MaxEntryPayloadBytes { get; init; } = FileLogStoreOptions.DefaultMaxEntryPayloadBytes;

    /// <summary>
    /// Whether opening reads every entry's payload to check its checksum (slower start, corruption found before
    /// serving); without it only the terms are loaded and checksums are checked on read.
    /// </summary>
    public bool VerifyOnOpen { get; init; } = true;

    /// <summary>Logger for recovery and faults.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>Source of the time recorded in the schema-version table.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
