namespace LithairAkka.Remote;

/// <summary>A snapshot of the actor-message counters of one actor system's remoting (see <see cref="RemoteExtension.Statistics"/>).</summary>
/// <param name="MessagesSent">Messages serialized and queued for peers (a queued message may still be lost: delivery is at most once).</param>
/// <param name="MessagesReceived">Messages received, deserialized and delivered.</param>
/// <param name="SerializationFailures">Outbound messages dropped because they could not be serialized.</param>
/// <param name="UnknownSerializer">Inbound messages dropped for an unknown serializer id.</param>
/// <param name="DeserializationFailures">Inbound messages dropped because their manifest is unknown or their bytes are bad.</param>
/// <param name="MalformedEnvelopes">Inbound frames dropped because they are not a valid message envelope.</param>
/// <param name="ForbiddenSystemMessages">Inbound system messages dropped because they may not cross nodes.</param>
public readonly record struct RemotingStatistics(
    long MessagesSent,
    long MessagesReceived,
    long SerializationFailures,
    long UnknownSerializer,
    long DeserializationFailures,
    long MalformedEnvelopes,
    long ForbiddenSystemMessages);
