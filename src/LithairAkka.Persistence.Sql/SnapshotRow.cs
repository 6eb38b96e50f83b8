namespace LithairAkka.Persistence.Sql;

/// <summary>One row of the snapshot table.</summary>
/// <param name="PersistenceId">persistence_id.</param>
/// <param name="SequenceNr">sequence_number.</param>
/// <param name="Created">created: UTC ticks.</param>
/// <param name="Snapshot">snapshot: the serialized state.</param>
/// <param name="Manifest">manifest.</param>
/// <param name="SerializerId">serializer_id.</param>
internal sealed record SnapshotRow(string PersistenceId, long SequenceNr, long Created, byte[] Snapshot, string Manifest, int SerializerId);
