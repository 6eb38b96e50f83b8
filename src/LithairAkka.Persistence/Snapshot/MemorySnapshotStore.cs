using LithairAkka.Actors;
using LithairAkka.Hocon;
using LithairAkka.Persistence.Serialization;

namespace LithairAkka.Persistence.Snapshot;

/// <summary>
/// The in-memory snapshot store (<c>akka.persistence.snapshot-store.inmem</c>), for tests: snapshots are serialized
/// (so an unserializable snapshot fails to save, as with a real store) and kept per plugin instance, i.e. per actor
/// system. Thread-safe; derive to inject faults in tests.
/// </summary>
public class MemorySnapshotStore : SnapshotStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<StoredSnapshot>> _snapshots = new(StringComparer.Ordinal);
    private readonly IEventSerializer _serializer;

    /// <summary>A store with the JSON serializer.</summary>
    public MemorySnapshotStore()
        : this(new JsonEventSerializer())
    {
    }

    /// <summary>The plugin constructor: the system's persistence serializer.</summary>
    public MemorySnapshotStore(Config config, ActorSystem system)
        : this(Persistence.Get(system ?? throw new ArgumentNullException(nameof(system))).Serializer)
    {
    }

    /// <summary>A store with the given serializer.</summary>
    public MemorySnapshotStore(IEventSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        _serializer = serializer;
    }

    /// <inheritdoc/>
    public override Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        StoredSnapshot? youngest = null;
        lock (_lock)
        {
            if (_snapshots.TryGetValue(persistenceId, out var list))
            {
                foreach (var stored in list)
                {
                    if (criteria.IsMatch(stored.Metadata) && (youngest is null || stored.Metadata.SequenceNr > youngest.Metadata.SequenceNr))
                    {
                        youngest = stored;
                    }
                }
            }
        }

        return Task.FromResult(youngest is null
            ? null
            : new SelectedSnapshot(youngest.Metadata, _serializer.Deserialize(youngest.Bytes, youngest.Manifest)));
    }

    /// <inheritdoc/>
    public override Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(snapshot);
        var serialized = _serializer.Serialize(snapshot);
        lock (_lock)
        {
            if (!_snapshots.TryGetValue(metadata.PersistenceId, out var list))
            {
                list = [];
                _snapshots.Add(metadata.PersistenceId, list);
            }

            list.RemoveAll(s => s.Metadata.SequenceNr == metadata.SequenceNr);
            list.Add(new StoredSnapshot(metadata, serialized.Bytes, serialized.Manifest));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override Task DeleteAsync(SnapshotMetadata metadata, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        lock (_lock)
        {
            if (_snapshots.TryGetValue(metadata.PersistenceId, out var list))
            {
                list.RemoveAll(s => s.Metadata.SequenceNr == metadata.SequenceNr);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        lock (_lock)
        {
            if (_snapshots.TryGetValue(persistenceId, out var list))
            {
                list.RemoveAll(s => criteria.IsMatch(s.Metadata));
            }
        }

        return Task.CompletedTask;
    }

    private sealed record StoredSnapshot(SnapshotMetadata Metadata, byte[] Bytes, string Manifest);
}
