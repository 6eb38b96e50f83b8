namespace LithairAkka.Persistence.Snapshot;

/// <summary>
/// Base of snapshot-store plugins, Akka's contract: load the youngest snapshot matching criteria, save, delete one,
/// delete by criteria. A plugin is a plain object hosted by a snapshot-store actor that the
/// <see cref="Persistence"/> extension creates from the plugin's config section (<c>class = "Type, Assembly"</c>;
/// constructor <c>(Config, ActorSystem)</c>, <c>(Config)</c> or <c>()</c>). Operations run concurrently: all members
/// must be thread-safe.
/// </summary>
public abstract class SnapshotStore : IAsyncDisposable
{
    private int _disposed;

    /// <summary>The youngest snapshot of <paramref name="persistenceId"/> matching <paramref name="criteria"/>, or null.</summary>
    public abstract Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken token);

    /// <summary>Stores <paramref name="snapshot"/>, replacing one with the same persistence id and sequence number.</summary>
    /// <exception cref="System.Runtime.Serialization.SerializationException">When the snapshot cannot be serialized.</exception>
    public abstract Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken token);

    /// <summary>Deletes the snapshot with the persistence id and sequence number of <paramref name="metadata"/>, if it exists.</summary>
    public abstract Task DeleteAsync(SnapshotMetadata metadata, CancellationToken token);

    /// <summary>Deletes every snapshot of <paramref name="persistenceId"/> matching <paramref name="criteria"/>.</summary>
    public abstract Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken token);

    /// <summary>Releases the plugin's resources; the host calls it once after its last operation ended. Idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await DisposeAsyncCore().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Override to release connections or files.</summary>
    protected virtual ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;
}
