using System.Diagnostics.Metrics;

namespace LithairAkka.Remote.Endpoint;

/// <summary>
/// Counters of the actor-message layer, published on a <see cref="Meter"/> named <c>LithairAkka.Remote</c> (one
/// instance per actor system) next to the transport's frame counters.
/// </summary>
internal sealed class EndpointMetrics : IDisposable
{
    private long _sent;
    private long _received;
    private long _serializationFailures;
    private long _unknownSerializer;
    private long _deserializationFailures;
    private long _malformed;
    private long _forbidden;

    public EndpointMetrics()
    {
        Meter = new Meter("LithairAkka.Remote");
        Meter.CreateObservableCounter("lithair.remote.messages.sent", () => Volatile.Read(ref _sent), "{message}", "Actor messages serialized and queued for peers");
        Meter.CreateObservableCounter("lithair.remote.messages.received", () => Volatile.Read(ref _received), "{message}", "Actor messages received and delivered");
        Meter.CreateObservableCounter("lithair.remote.messages.serialization_failures", () => Volatile.Read(ref _serializationFailures), "{message}", "Outbound messages that could not be serialized");
        Meter.CreateObservableCounter("lithair.remote.messages.unknown_serializer", () => Volatile.Read(ref _unknownSerializer), "{message}", "Inbound messages with an unknown serializer id");
        Meter.CreateObservableCounter("lithair.remote.messages.deserialization_failures", () => Volatile.Read(ref _deserializationFailures), "{message}", "Inbound messages that could not be deserialized (unknown manifest, bad bytes)");
        Meter.CreateObservableCounter("lithair.remote.messages.malformed", () => Volatile.Read(ref _malformed), "{message}", "Inbound frames that are not a valid envelope");
        Meter.CreateObservableCounter("lithair.remote.messages.forbidden_system", () => Volatile.Read(ref _forbidden), "{message}", "Inbound system messages of a kind that may not cross nodes");
    }

    public Meter Meter { get; }

    public void Sent() => Interlocked.Increment(ref _sent);

    public void Received() => Interlocked.Increment(ref _received);

    public void SerializationFailed() => Interlocked.Increment(ref _serializationFailures);

    public void UnknownSerializer() => Interlocked.Increment(ref _unknownSerializer);

    public void DeserializationFailed() => Interlocked.Increment(ref _deserializationFailures);

    public void Malformed() => Interlocked.Increment(ref _malformed);

    public void Forbidden() => Interlocked.Increment(ref _forbidden);

    public RemotingStatistics Snapshot() => new(
        Volatile.Read(ref _sent),
        Volatile.Read(ref _received),
        Volatile.Read(ref _serializationFailures),
        Volatile.Read(ref _unknownSerializer),
        Volatile.Read(ref _deserializationFailures),
        Volatile.Read(ref _malformed),
        Volatile.Read(ref _forbidden));

    public void Dispose() => Meter.Dispose();
}
