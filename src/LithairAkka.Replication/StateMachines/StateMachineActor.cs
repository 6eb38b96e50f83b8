using System.Text;
using LithairAkka.Actors;

namespace LithairAkka.Replication.StateMachines;

/// <summary>
/// The extension point for replicated state machines: an actor beside the consensus core that receives committed
/// entries in log order, exactly once, and answers each command's result to whoever waits for it. A state machine
/// implements four members:
/// <list type="bullet">
/// <item><see cref="Apply"/>: apply one committed command and return its encoded result;</item>
/// <item><see cref="QueryBytes"/> (and/or <see cref="Query(object)"/>): answer a read from the current state;</item>
/// <item><see cref="WriteState"/> and <see cref="ReadState"/>: write the whole state to a snapshot and restore it.</item>
/// </list>
/// This base keeps a per-client deduplication table (part of every snapshot), so a retried write with the same
/// <see cref="ClientRequest"/> is applied once and answered with the first result.
/// </summary>
/// <remarks>
/// <para>
/// Determinism is the contract: every replica applies the same commands in the same order and must reach the same
/// state and the same results. <see cref="Apply"/> may depend only on the state and the command — no clock, random
/// number, environment, I/O or iteration over unordered collections — and must not throw: validate the command and
/// encode a rejection in the result (the state unchanged). <see cref="WriteState"/> must write equal bytes for equal
/// states (iterate in a defined order).
/// </para>
/// <para>
/// The members run on the actor's mailbox, one at a time: no locking is needed. A query must not change the state. A
/// query member rejects a query by throwing <see cref="ArgumentException"/>, <see cref="InvalidDataException"/>,
/// <see cref="NotSupportedException"/>, <see cref="FormatException"/> or <see cref="EndOfStreamException"/>: the
/// caller receives a <see cref="QueryRejected"/> and the actor keeps running.
/// </para>
/// <para>The node loads the type named by <c>lithair.replication.state-machine</c>; it needs a public parameterless constructor.</para>
/// <example>
/// A replicated counter: the command is a little-endian 64-bit amount, every result and query answer the total.
/// <code>
/// public sealed class Counter : StateMachineActor
/// {
///     private long _total;
///
///     protected override byte[] Apply(ReadOnlyMemory&lt;byte&gt; command)
///     {
///         if (command.Length == 8)
///         {
///             _total += BinaryPrimitives.ReadInt64LittleEndian(command.Span);
///         }
///
///         return BitConverter.GetBytes(_total);
///     }
///
///     protected override byte[] QueryBytes(ReadOnlyMemory&lt;byte&gt; query) => BitConverter.GetBytes(_total);
///
///     protected override void WriteState(BinaryWriter output) => output.Write(_total);
///
///     protected override void ReadState(BinaryReader input) => _total = input.ReadInt64();
/// }
/// </code>
/// </example>
/// </remarks>
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
        Receive<QueryStateMachine>(q => q.ReplyTo.Tell(new QueryResult(Answer(q.Query), AppliedIndex)));
        Receive<TakeSnapshot>(_ => Sender.Tell(new SnapshotTaken(AppliedIndex, Snapshot())));
        Receive<RestoreSnapshot>(OnRestore);
    }

    /// <summary>The index of the last applied entry (0 before the first).</summary>
    protected long AppliedIndex { get; private set; }

    /// <summary>
    /// Applies one committed command and returns its encoded result. Deterministic: depends only on the state and
    /// <paramref name="command"/>; never throws (a command it refuses leaves the state unchanged and says so in the result).
    /// </summary>
    /// <param name="command">The command bytes, as proposed.</param>
    /// <returns>The encoded result; kept for retries of the same client request, so it must depend on nothing but the state.</returns>
    protected abstract byte[] Apply(ReadOnlyMemory<byte> command);

    /// <summary>
    /// Answers a query from the network (<see cref="BinaryQuery"/>, <c>POST /queries</c>) from the current state,
    /// without changing it. The default refuses every query with <see cref="NotSupportedException"/>.
    /// </summary>
    /// <param name="query">The encoded query.</param>
    /// <returns>The encoded answer.</returns>
    /// <exception cref="NotSupportedException">This state machine answers no binary query (the default).</exception>
    protected virtual byte[] QueryBytes(ReadOnlyMemory<byte> query) =>
        throw new NotSupportedException($"The state machine {GetType().Name} answers no binary query.");

    /// <summary>
    /// Answers an in-process query object from the current state, without changing it. The default answers a
    /// <see cref="BinaryQuery"/> with <see cref="QueryBytes"/> and refuses anything else; override it to accept typed
    /// queries as well (their types need a serializer to travel between nodes).
    /// </summary>
    /// <param name="query">The query object.</param>
    /// <returns>The answer object.</returns>
    /// <exception cref="ArgumentException">The query is of a type this state machine does not know.</exception>
    protected virtual object Query(object query) => query switch
    {
        BinaryQuery binary => new BinaryQueryResult(QueryBytes(binary.Query)),
        _ => throw new ArgumentException($"The state machine {GetType().Name} does not answer {query.GetType().Name}.", nameof(query)),
    };

    /// <summary>Writes the complete state to <paramref name="output"/>; equal states write equal bytes.</summary>
    /// <param name="output">The snapshot being written (after the base's own header and deduplication table).</param>
    protected abstract void WriteState(BinaryWriter output);

    /// <summary>Replaces the complete state with the one <see cref="WriteState"/> wrote to <paramref name="input"/>.</summary>
    /// <param name="input">The snapshot, positioned where <see cref="WriteState"/> started writing.</param>
    protected abstract void ReadState(BinaryReader input);

    private object Answer(object query)
    {
        try
        {
            return Query(query);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidDataException or NotSupportedException or FormatException or EndOfStreamException)
        {
            // A refused or malformed query is the caller's problem: the state is untouched and the actor keeps running.
            return new QueryRejected(ex.Message);
        }
    }

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
