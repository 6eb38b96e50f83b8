using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Snapshots;

/// <summary>
/// The follower side of a chunked snapshot transfer: appends chunks in offset order and decodes the snapshot once
/// the last one arrived. A chunk that does not continue the assembly (a duplicate, or one past a gap left by a
/// dropped connection) is not an error: the answer names the offset the leader should resume from, so a transfer
/// resumes where it stopped instead of starting over. Not thread-safe: owned by one actor.
/// </summary>
public sealed class SnapshotAssembler
{
    private Assembly? _current;

    /// <summary>Whether a transfer is being assembled.</summary>
    public bool IsAssembling => _current is not null;

    /// <summary>Adds <paramref name="chunk"/>; see <see cref="SnapshotChunkOutcome"/>.</summary>
    /// <param name="chunk">A chunk addressed to this node.</param>
    /// <param name="snapshot">The decoded snapshot when the outcome is <see cref="SnapshotChunkStatus.Complete"/>.</param>
    public SnapshotChunkOutcome Accept(SnapshotChunk chunk, out StoredSnapshot? snapshot)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        snapshot = null;
        var request = chunk.Request;
        var valid = chunk.Offset >= 0 && chunk.TotalLength > 0 && chunk.Offset + chunk.Data.Length <= chunk.TotalLength
            && chunk.TotalLength <= int.MaxValue;
        if (!valid)
        {
            return new SnapshotChunkOutcome(SnapshotChunkStatus.Rejected, 0);
        }

        if (_current is not { } current || current.Leader != request.From || current.Index != request.Snapshot.Index
            || current.TotalLength != chunk.TotalLength)
        {
            if (chunk.Offset != 0)
            {
                // A chunk of a transfer this node does not hold (restarted, or a newer snapshot): start over.
                return new SnapshotChunkOutcome(SnapshotChunkStatus.Rejected, 0);
            }

            current = _current = new Assembly(request.From, request.Snapshot.Index, chunk.TotalLength, new MemoryStream((int)chunk.TotalLength));
        }

        if (chunk.Offset != current.Buffer.Length)
        {
            return new SnapshotChunkOutcome(SnapshotChunkStatus.Continue, current.Buffer.Length);
        }

        current.Buffer.Write(chunk.Data.Span);
        if (current.Buffer.Length < current.TotalLength)
        {
            return new SnapshotChunkOutcome(SnapshotChunkStatus.Continue, current.Buffer.Length);
        }

        _current = null;
        try
        {
            snapshot = StoredSnapshot.Decode(current.Buffer.GetBuffer(), 0, (int)current.Buffer.Length);
        }
        catch (InvalidDataException)
        {
            return new SnapshotChunkOutcome(SnapshotChunkStatus.Rejected, 0);
        }

        return new SnapshotChunkOutcome(SnapshotChunkStatus.Complete, current.TotalLength);
    }

    /// <summary>Drops a partial assembly (the transfer went silent for longer than <c>snapshot-timeout</c>).</summary>
    public void Abandon() => _current = null;

    private sealed record Assembly(NodeId Leader, long Index, long TotalLength, MemoryStream Buffer);
}
