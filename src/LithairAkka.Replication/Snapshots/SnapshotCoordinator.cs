using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Snapshots;

/// <summary>
/// The snapshot bookkeeping of one <c>ReplicaGroup</c>: when to take a snapshot, splitting one into chunks for a
/// follower (leader side), assembling received chunks (follower side), and the counters. Not thread-safe: owned
/// and called by its group actor only.
/// </summary>
public sealed class SnapshotCoordinator
{
    private readonly long _threshold;
    private readonly int _chunkSize;
    private readonly Dictionary<NodeId, long> _inFlight = [];
    private readonly Dictionary<NodeId, Assembly> _assemblies = [];
    private StoredSnapshot? _received;
    private long _created;
    private long _attempts;
    private long _successes;
    private long _failures;
    private long _installed;

    /// <summary>Creates a coordinator.</summary>
    /// <param name="threshold">Applied entries between snapshots (<c>snapshot-threshold</c>).</param>
    /// <param name="chunkSize">Bytes per chunk.</param>
    public SnapshotCoordinator(long threshold, int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        _threshold = threshold;
        _chunkSize = chunkSize;
    }

    /// <summary>Whether a snapshot is being taken (waiting for the state machine).</summary>
    public bool Taking { get; private set; }

    /// <summary>The counters so far.</summary>
    public SnapshotCounters Counters => new(_created, _attempts, _successes, _failures, _installed);

    /// <summary>Whether to take a snapshot now; if so, marks one as being taken.</summary>
    public bool BeginTakeIfDue(long appliedIndex, long snapshotIndex)
    {
        if (Taking || appliedIndex - snapshotIndex < _threshold)
        {
            return false;
        }

        Taking = true;
        return true;
    }

    /// <summary>A snapshot being taken finished (<paramref name="created"/>) or was abandoned.</summary>
    public void EndTake(bool created)
    {
        Taking = false;
        if (created)
        {
            _created++;
        }
    }

    /// <summary>Starts a transfer of <paramref name="snapshot"/> to the request's follower and returns its chunks in order.</summary>
    public IReadOnlyList<SnapshotChunk> StartTransfer(InstallSnapshotRequest request, StoredSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(snapshot);
        var encoded = snapshot.Encode();
        var withMetadata = request with { Snapshot = snapshot.Metadata };
        var chunks = new List<SnapshotChunk>((encoded.Length / _chunkSize) + 1);
        var offset = 0;
        do
        {
            var length = Math.Min(_chunkSize, encoded.Length - offset);
            chunks.Add(new SnapshotChunk(withMetadata, offset, encoded.Length, encoded.AsMemory(offset, length)));
            offset += length;
        }
        while (offset < encoded.Length);

        _attempts++;
        _inFlight[request.To] = snapshot.Metadata.Index;
        return chunks;
    }

    /// <summary>Whether a transfer to <paramref name="follower"/> is under way.</summary>
    public bool IsSending(NodeId follower) => _inFlight.ContainsKey(follower);

    /// <summary>
    /// Ends the transfer of snapshot <paramref name="index"/> to <paramref name="follower"/>; returns
    /// <see langword="false"/> if no such transfer was under way (late or duplicate outcome).
    /// </summary>
    public bool EndTransfer(NodeId follower, long index, bool success)
    {
        if (!_inFlight.TryGetValue(follower, out var sending) || sending != index)
        {
            return false;
        }

        _inFlight.Remove(follower);
        if (success)
        {
            _successes++;
        }
        else
        {
            _failures++;
        }

        return true;
    }

    /// <summary>Forgets every transfer under way (leadership lost); they count as failures.</summary>
    public void AbandonTransfers()
    {
        _failures += _inFlight.Count;
        _inFlight.Clear();
    }

    /// <summary>
    /// Adds a received chunk. Returns <see langword="true"/> with the snapshot once complete, <see langword="false"/>
    /// with <paramref name="rejected"/> set when the chunk does not continue the transfer, else <see langword="false"/>.
    /// </summary>
    public bool Accept(SnapshotChunk chunk, out StoredSnapshot? snapshot, out bool rejected)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        snapshot = null;
        rejected = false;
        var from = chunk.Request.From;
        if (chunk.Offset == 0)
        {
            _assemblies[from] = new Assembly(chunk.Request.Snapshot.Index, new MemoryStream((int)chunk.TotalLength));
        }

        if (!_assemblies.TryGetValue(from, out var assembly) || assembly.Index != chunk.Request.Snapshot.Index
            || assembly.Buffer.Length != chunk.Offset)
        {
            _assemblies.Remove(from);
            rejected = true;
            return false;
        }

        assembly.Buffer.Write(chunk.Data.Span);
        if (!chunk.IsLast)
        {
            return false;
        }

        _assemblies.Remove(from);
        try
        {
            snapshot = StoredSnapshot.Decode(assembly.Buffer.ToArray());
        }
        catch (InvalidDataException)
        {
            rejected = true;
            return false;
        }

        _received = snapshot;
        return true;
    }

    /// <summary>The assembled snapshot with the given metadata index (kept until installed), or <see langword="null"/>.</summary>
    public StoredSnapshot? TakeReceived(long index)
    {
        if (_received is { } received && received.Metadata.Index == index)
        {
            _received = null;
            _installed++;
            return received;
        }

        return null;
    }

    private sealed record Assembly(long Index, MemoryStream Buffer);
}
