using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using LithairAkka.Persistence.Log;

namespace LithairAkka.Replication.Snapshots;

/// <summary>
/// An <see cref="ISnapshotStore"/> keeping one file per group in a directory. A snapshot is written to a
/// temporary file, flushed to disk, renamed over the previous one and the directory flushed, so a crash leaves
/// either snapshot whole and a completed save survives a power loss (the log is compacted only after it).
/// The file is <c>LASNAP02</c>, the <see cref="StoredSnapshot.Encode"/> bytes and their CRC-32C: a damaged file is
/// detected on load (<see cref="InvalidDataException"/>) instead of restoring a wrong state. Files of the first
/// format (the encoding alone, no checksum) are still read.
/// Thread-safe: saves of one group are serialised, saves of different groups run in parallel.
/// </summary>
public sealed class FileSnapshotStore : ISnapshotStore
{
    private const ulong Magic = 0x3230_5041_4E53_414C; // "LASNAP02", little-endian
    private const int MagicLength = 8;
    private const int CrcLength = 4;
    private readonly string _directory;
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _locks = new();

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
        var gate = _locks.GetOrAdd(groupId, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(token).ConfigureAwait(false);
        try
        {
            // Writing and flushing tens of megabytes blocks: never on the caller's (an actor's) thread.
            await Task.Run(() => Write(PathOf(groupId), snapshot), token).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
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
        if (bytes.Length < MagicLength + CrcLength || BinaryPrimitives.ReadUInt64LittleEndian(bytes) != Magic)
        {
            return StoredSnapshot.Decode(bytes);
        }

        var body = bytes.AsSpan(MagicLength, bytes.Length - MagicLength - CrcLength);
        var stored = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - CrcLength));
        if (Crc32C.Compute(body) != stored)
        {
            throw new InvalidDataException($"The snapshot file '{path}' fails its checksum.");
        }

        return StoredSnapshot.Decode(bytes, MagicLength, body.Length);
    }

    private void Write(string path, StoredSnapshot snapshot)
    {
        var temporary = path + ".tmp";
        var header = snapshot.EncodeHeader();
        var prefix = new byte[MagicLength];
        BinaryPrimitives.WriteUInt64LittleEndian(prefix, Magic);
        var crc = new byte[CrcLength];
        BinaryPrimitives.WriteUInt32LittleEndian(crc, Crc32C.Append(Crc32C.Compute(header), snapshot.Data));
        using (var handle = File.OpenHandle(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            long offset = 0;
            foreach (var part in new[] { prefix, header, snapshot.Data, crc })
            {
                RandomAccess.Write(handle, part, offset);
                offset += part.Length;
            }

            NativeMethods.FlushData(handle);
        }

        File.Move(temporary, path, overwrite: true);
        NativeMethods.FlushDirectory(_directory);
    }

    private string PathOf(long groupId) =>
        Path.Combine(_directory, "snapshot-g" + groupId.ToString(CultureInfo.InvariantCulture) + ".bin");
}
