using System.Globalization;

namespace LithairAkka.Replication.Snapshots;

/// <summary>
/// An <see cref="ISnapshotStore"/> keeping one file per group in a directory. A snapshot is written to a
/// temporary file, flushed to disk and renamed over the previous one, so a crash leaves either snapshot whole.
/// Thread-safe for different groups; one writer per group (its <c>ReplicaGroup</c>).
/// </summary>
public sealed class FileSnapshotStore : ISnapshotStore
{
    private readonly string _directory;

    /// <summary>Uses (and creates) <paramref name="directory"/>.</summary>
    public FileSnapshotStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = directory;
        Directory.CreateDirectory(directory);
    }

    /// <inheritdoc />
    public async ValueTask SaveAsync(long groupId, StoredSnapshot snapshot, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var path = PathOf(groupId);
        var temporary = path + ".tmp";
        var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(snapshot.Encode(), token).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <inheritdoc />
    public async ValueTask<StoredSnapshot?> LoadAsync(long groupId, CancellationToken token = default)
    {
        var path = PathOf(groupId);
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(path, token).ConfigureAwait(false);
        return StoredSnapshot.Decode(bytes);
    }

    private string PathOf(long groupId) =>
        Path.Combine(_directory, "snapshot-g" + groupId.ToString(CultureInfo.InvariantCulture) + ".bin");
}
