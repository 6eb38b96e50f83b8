using System.Buffers;
using System.Text;
using LithairAkka.Actors.Dispatch.SysMsg;
using LithairAkka.Remote.Transport;
using Microsoft.Extensions.Logging;

namespace LithairAkka.Remote.Endpoint;

/// <summary>
/// The inbound half of the endpoint, the transport's <see cref="InboundFrameHandler"/>: parses the envelope straight
/// out of the receive buffer, resolves the recipient to a local ref and the sender to a remote ref (both cached by
/// their UTF-8 path), deserializes the payload, and delivers it — in the order of the association, since the
/// transport calls it from one read loop per association. Anything it cannot understand is dropped, logged and
/// counted; nothing a peer sends can stop the node. Thread-safe.
/// </summary>
internal sealed partial class EndpointReader
{
    private const int RefCacheCapacity = 16 * 1024;
    private const int ManifestCacheCapacity = 1024;

    private readonly RemoteActorRefProvider _provider;
    private readonly EndpointMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ByteKeyCache<IInternalActorRef> _recipients = new(RefCacheCapacity);
    private readonly ByteKeyCache<IActorRef> _senders = new(RefCacheCapacity);
    private readonly ByteKeyCache<string> _manifests = new(ManifestCacheCapacity);
    private Actors.Serialization.Serialization? _serialization;
    private IActorRef? _remoteWatcher;
    private volatile bool _ready;

    public EndpointReader(RemoteActorRefProvider provider, EndpointMetrics metrics, ILogger logger)
    {
        _provider = provider;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Starts delivering; frames that arrive before (while the system starts) are dropped.</summary>
    public void Start(Actors.Serialization.Serialization serialization, IActorRef remoteWatcher)
    {
        _serialization = serialization;
        _remoteWatcher = remoteWatcher;
        _ready = true;
    }

    /// <summary>The transport's frame handler.</summary>
    public void OnFrame(AssociationHandle from, ReadOnlySequence<byte> payload)
    {
        if (!_ready)
        {
            return;
        }

        if (payload.IsSingleSegment)
        {
            Dispatch(from, payload.FirstSpan);
            return;
        }

        // The frame straddles two pipe segments: make it contiguous (rare; frames are small next to segments).
        var length = (int)payload.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            payload.CopyTo(rented);
            Dispatch(from, rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void Dispatch(AssociationHandle from, ReadOnlySpan<byte> frame)
    {
        if (!RemoteEnvelope.TryParse(frame, out var envelope) || ResolveRecipient(envelope.Recipient, from) is not { } recipient)
        {
            _metrics.Malformed();
            EndpointLogMessages.MalformedEnvelope(_logger, from.RemoteAddress.ToString(), frame.Length);
            return;
        }

        var serialization = _serialization!;
        if (!serialization.TryGetSerializerById(envelope.SerializerId, out var serializer))
        {
            _metrics.UnknownSerializer();
            EndpointLogMessages.UnknownSerializer(_logger, recipient.Path.ToString(), from.RemoteAddress.ToString(), envelope.SerializerId, Encoding.UTF8.GetString(envelope.Manifest));
            return;
        }

        var manifest = ManifestOf(envelope.Manifest);
        var sender = envelope.HasSender ? ResolveSender(envelope.Sender) : null;
        object message;
        try
        {
            message = serializer.FromBinary(envelope.Payload, manifest);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _metrics.DeserializationFailed();
            EndpointLogMessages.DeserializationFailed(_logger, recipient.Path.ToString(), from.RemoteAddress.ToString(), envelope.SerializerId, manifest, e.Message);
            return;
        }

        if (Deliver(from, recipient, sender, message, envelope.IsSystem))
        {
            _metrics.Received();
        }
    }

    private bool Deliver(AssociationHandle from, IInternalActorRef recipient, IActorRef? sender, object message, bool isSystem)
    {
        if (isSystem)
        {
            switch (message)
            {
                case Watch or Unwatch or Terminate:
                    recipient.SendSystemMessage((ISystemMessage)message);
                    return true;
                case DeathWatchNotification notification:
                    recipient.SendSystemMessage(notification);
                    if (notification.Actor is IInternalActorRef { IsLocal: false } watchee)
                    {
                        _remoteWatcher!.Tell(new RemoteWatcher.UnwatchRemote(watchee, recipient), null);
                    }

                    return true;
                default:
                    _metrics.Forbidden();
                    EndpointLogMessages.ForbiddenSystemMessage(_logger, message.GetType().Name, recipient.Path.ToString(), from.RemoteAddress.ToString());
                    return false;
            }
        }

        if (message is ActorSelectionMessage selection)
        {
            ActorSelection.DeliverSelection(recipient, sender, selection);
        }
        else
        {
            recipient.Tell(message, sender);
        }

        return true;
    }
}
