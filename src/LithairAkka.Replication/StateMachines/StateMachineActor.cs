using System.Text;
using LithairAkka.Actors;

namespace LithairAkka.Replication.StateMachines;

/// <summary>
/// The extension point for replicated state machines: an actor beside the consensus core that receives
/// committed entries in order, exactly once, and answers each command's result to whoever waits for it.
/// Derived types implement <see cref="Apply"/>, <see cref="Query"/>, <see cref="WriteState"/> and
/// <see cref="ReadState"/>; this base keeps a per-client deduplication table (part of every snapshot) so a
/// retried write with the same <see cref="ClientRequest"/> is applied once and answered with the first result.
/// </summary>
/// <remarks>Runs on the actor's mailbox: the abstract members are never called concurrently.</remarks>
public abstract class StateMachineActor : ReceiveActor
{
    private readonly Dictionary<string, DedupRecord> _dedup = new(StringComparer.Ordinal);

    // Size of the last snapshot taken or restored: the next one is written into a buffer about that large, so a
    // state of tens of megabytes is not copied again at every doubling of the buffer.
    private int _lastSnapshotLength;

    /// <summary>Registers the handlers of the state machine protocol.</summary>
    protected StateMachineActor()
    {
        Receive<ApplyCommitted>(OnApply);
        Receive<QueryStateMachine>(q => q.ReplyTo.Tell(new QueryResult(Query(q.Query), AppliedIndex)));
        Receive<TakeSnapshot>(_ => Sender.Tell(new SnapshotTaken(AppliedIndex, Snapshot())));
        Receive<RestoreSnapshot>(OnRestore);
    }

    /// <summary>The index of the last applied entry.</summary>
    protected long AppliedIndex { get; private set; }

    /// <summary>Applies one committed command deterministically and returns its encoded result.</summary>
    /// <param name="command">The command bytes.</param>
    /// <returns>The encoded result (stored for retries, so it must not depend on anything but the state).</returns>
    protected abstract byte[] Apply(ReadOnlyMemory<byte> command);

    /// <summary>Answers a read-only query from the current state.</summary>
    protected abstract object Query(object query);

    /// <summary>Writes the complete state to <paramref name="output"/>.</summary>
    protected abstract void WriteState(BinaryWriter output);

    /// <summary>Replaces the complete state with the one read from <paramref name="input"/>.</summary>
    protected abstract void ReadState(BinaryReader input);

    private void OnApply(ApplyCommitted message)
    {
        if (message.Index <= AppliedIndex)
        {
            return;
        }

        AppliedIndex = message.Index;
        var envelope = CommandEnvelope.Decode(message.Payload);
        if (envelope.Request is { } request)
        {
            if (_dedup.TryGetValue(request.ClientId, out var seen) && request.Sequence <= seen.Sequence)
            {
                message.ReplyTo?.Tell(request.Sequence == seen.Sequence
                    ? new ProposeSucceeded(seen.Result, seen.Index, seen.Term, Duplicate: true)
                    : new ProposeFailed($"Request {request.Sequence} of client '{request.ClientId}' is older than its last ({seen.Sequence}).", OutcomeUnknown: false));
                return;
            }

            var result = Apply(envelope.Command);
            _dedup[request.ClientId] = new DedupRecord(request.Sequence, result, message.Index, message.Term);
            message.ReplyTo?.Tell(new ProposeSucceeded(result, message.Index, message.Term, Timestamp: envelope.Timestamp));
            return;
        }

        var plain = Apply(envelope.Command);
        message.ReplyTo?.Tell(new ProposeSucceeded(plain, message.Index, message.Term, Timestamp: envelope.Timestamp));
    }

    private byte[] Snapshot()
    {
        using var stream = new MemoryStream((int)Math.Min(Array.MaxLength, _lastSnapshotLength + (_lastSnapshotLength / 8L) + 4096));
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt64(AppliedIndex);
            writer.Write7BitEncodedInt(_dedup.Count);
            foreach (var (client, record) in _dedup.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.Write(client);
                writer.Write7BitEncodedInt64(record.Sequence);
                writer.Write7BitEncodedInt64(record.Index);
                writer.Write7BitEncodedInt64(record.Term);
                writer.Write7BitEncodedInt(record.Result.Length);
                writer.Write(record.Result);
            }

            WriteState(writer);
        }

        _lastSnapshotLength = (int)stream.Length;
        return stream.ToArray();
    }

    private void OnRestore(RestoreSnapshot message)
    {
        _lastSnapshotLength = message.Data.Length;
        using var stream = new MemoryStream(message.Data, writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        var applied = reader.Read7BitEncodedInt64();
        _dedup.Clear();
        var count = reader.Read7BitEncodedInt();
        for (var i = 0; i < count; i++)
        {
            var client = reader.ReadString();
            var sequence = reader.Read7BitEncodedInt64();
            var index = reader.Read7BitEncodedInt64();
            var term = reader.Read7BitEncodedInt64();
            var result = reader.ReadBytes(reader.Read7BitEncodedInt());
            _dedup[client] = new DedupRecord(sequence, result, index, term);
        }

        ReadState(reader);
        AppliedIndex = applied == 0 ? message.AppliedIndex : applied;
    }

    private sealed record DedupRecord(long Sequence, byte[] Result, long Index, long Term);
}
