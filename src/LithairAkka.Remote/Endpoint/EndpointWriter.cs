using System.Runtime.CompilerServices;
using System.Text;
using LithairAkka.Actors.Serialization;
using LithairAkka.Remote.Transport;
using Microsoft.Extensions.Logging;

namespace LithairAkka.Remote.Endpoint;

/// <summary>
/// The outbound half of the endpoint: serializes a message for a <see cref="RemoteActorRef"/> on the sending thread,
/// header and payload in one reused buffer (recipient and sender paths from cached UTF-8), and queues the frame on
/// the recipient's association. Messages from one thread to one ref are queued in call order; the transport keeps
/// that order. A failure is logged and counted, never thrown at the sender. Thread-safe.
/// </summary>
internal sealed class EndpointWriter
{
    private const int MaxRetainedBuffer = 64 * 1024;

    [ThreadStatic]
    private static PooledByteBufferWriter? _threadBuffer;

    private readonly Actors.Serialization.Serialization _serialization;
    private readonly EndpointMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ConditionalWeakTable<IActorRef, byte[]> _paths = new();
    private readonly ConditionalWeakTable<IActorRef, byte[]>.CreateValueCallback _encodePath;

    public EndpointWriter(Actors.Serialization.Serialization serialization, EndpointMetrics metrics, ILogger logger)
    {
        _serialization = serialization;
        _metrics = metrics;
        _logger = logger;
        _encodePath = EncodePath;
    }

    /// <summary>The UTF-8 serialized path of <paramref name="actorRef"/>, computed once per ref instance.</summary>
    public byte[] SerializedPathOf(IActorRef actorRef) =>
        actorRef is RemoteActorRef remote ? remote.SerializedPath : _paths.GetValue(actorRef, _encodePath);

    /// <summary>The UTF-8 serialized path of <paramref name="actorRef"/>, freshly encoded.</summary>
    public byte[] EncodePath(IActorRef actorRef) => Encoding.UTF8.GetBytes(_serialization.SerializedActorPath(actorRef));

    /// <summary>Serializes and queues <paramref name="message"/>; returns what the transport did with it (null when it
    /// could not be serialized).</summary>
    public SendResult? Send(RemoteActorRef recipient, object message, IActorRef? sender, bool isSystem)
    {
        var buffer = _threadBuffer ?? new PooledByteBufferWriter(1024);
        _threadBuffer = null;
        try
        {
            var serializer = _serialization.FindSerializerFor(message);
            var senderPath = sender is null or Nobody ? ReadOnlySpan<byte>.Empty : SerializedPathOf(sender);
            RemoteEnvelope.WriteHeader(buffer, isSystem, recipient.SerializedPath, senderPath, serializer, message);
            serializer.ToBinary(message, buffer);
            var result = recipient.Association.TrySend(buffer.WrittenSpan);
            if (result == SendResult.Enqueued)
            {
                _metrics.Sent();
            }

            return result;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _metrics.SerializationFailed();
            EndpointLogMessages.SerializationFailed(_logger, e, message.GetType().FullName ?? message.GetType().Name, recipient.Path.ToString(), e.Message);
            return null;
        }
        finally
        {
            buffer.Reset();
            if (buffer.Capacity <= MaxRetainedBuffer)
            {
                _threadBuffer = buffer;
            }
            else
            {
                buffer.Dispose();
            }
        }
    }
}
