namespace LithairAkka.Persistence.Sql;

/// <summary>One row of the journal table, serialized and ready to insert (or just read).</summary>
/// <param name="PersistenceId">persistence_id.</param>
/// <param name="SequenceNr">sequence_number.</param>
/// <param name="Created">created: UTC ticks.</param>
/// <param name="Message">message: the serialized payload.</param>
/// <param name="Manifest">manifest.</param>
/// <param name="SerializerId">identifier.</param>
/// <param name="WriterUuid">writer_uuid.</param>
/// <param name="Tags">The tags (tags column: ';'-separated; tags table: one row each), or null.</param>
internal readonly record struct JournalRow(
    string PersistenceId,
    long SequenceNr,
    long Created,
    byte[] Message,
    string Manifest,
    int SerializerId,
    string WriterUuid,
    string[]? Tags)
{
    /// <summary>The tags column: <c>;a;b;</c> as Akka.Persistence.Sql writes it, or null.</summary>
    public string? TagsColumn => Tags is { Length: > 0 } tags ? ";" + string.Join(';', tags) + ";" : null;
}
