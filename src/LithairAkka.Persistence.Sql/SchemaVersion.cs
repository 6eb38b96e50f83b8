namespace LithairAkka.Persistence.Sql;

/// <summary>
/// The schema versions this build writes and reads. Each component (journal, snapshot) records its version in the
/// schema_version table when it creates its tables; a later build that changes the tables migrates from the
/// recorded version, and this build refuses tables newer than it knows.
/// </summary>
internal static class SchemaVersion
{
    /// <summary>The journal and tags tables as described in the plugin's documentation.</summary>
    public const int Journal = 1;

    /// <summary>The snapshot table.</summary>
    public const int Snapshot = 1;

    public const string JournalComponent = "journal";

    public const string SnapshotComponent = "snapshot";

    /// <summary>Throws when the database holds a newer schema than this build supports.</summary>
    public static void Check(string component, long? stored, int supported)
    {
        if (stored is { } version && version > supported)
        {
            throw new InvalidOperationException(
                $"The {component} tables have schema version {version}, but this build of LithairAkka.Persistence.Sql supports up to {supported}.");
        }
    }
}
