using Microsoft.Extensions.Logging;

namespace LithairAkka.Remote.Endpoint;

/// <summary>Every log line of the remoting endpoint (actor messages over the transport). Event ids 3100-3199.</summary>
internal static partial class EndpointLogMessages
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Error,
        Message = "Cannot serialize a message of type {MessageType} for {Recipient}; it is dropped: {Reason}")]
    public static partial void SerializationFailed(ILogger logger, Exception exception, string messageType, string recipient, string reason);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning,
        Message = "Dropping a message for {Recipient} from {Peer}: unknown serializer id {SerializerId} (manifest '{Manifest}')")]
    public static partial void UnknownSerializer(ILogger logger, string recipient, string peer, int serializerId, string manifest);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning,
        Message = "Dropping a message for {Recipient} from {Peer}: cannot deserialize it with serializer {SerializerId} and manifest '{Manifest}': {Reason}")]
    public static partial void DeserializationFailed(ILogger logger, string recipient, string peer, int serializerId, string manifest, string reason);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Dropping a malformed message envelope of {Size} bytes from {Peer}")]
    public static partial void MalformedEnvelope(ILogger logger, string peer, int size);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning,
        Message = "Dropping system message {MessageType} for {Recipient} from {Peer}: only Watch, Unwatch, DeathWatchNotification and Terminate may cross nodes")]
    public static partial void ForbiddenSystemMessage(ILogger logger, string messageType, string recipient, string peer);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "A message from {Peer} is addressed to {Recipient}, which is not on this node ({LocalAddress}); it goes to dead letters")]
    public static partial void NotForThisNode(ILogger logger, string peer, string recipient, string localAddress);
}
