using LithairAkka.Hocon;
using LithairAkka.Remote.Transport;
using LithairAkka.Remote.Transport.FaultInjection;

namespace LithairAkka.Remote;

/// <summary>
/// Remoting as seen from outside the actor tree, one per actor system: <c>RemoteExtension.Get(system)</c>. It exposes
/// this node's address and uid, the transport, its run-time <see cref="Faults"/> (for the management routes and
/// tests), the counters, and quarantine. Thread-safe.
/// </summary>
public sealed class RemoteExtension : IExtension
{
    internal RemoteExtension(RemoteActorRefProvider provider)
    {
        Provider = provider;
    }

    /// <summary>The remoting provider of the system.</summary>
    public RemoteActorRefProvider Provider { get; }

    /// <summary>This system's external address.</summary>
    public Address Address => Provider.DefaultAddress;

    /// <summary>The uid of this actor system incarnation.</summary>
    public long Uid => Provider.AddressUid;

    /// <summary>The transport.</summary>
    public RemoteTransport Transport => Provider.Transport;

    /// <summary>Run-time fault injection (blackhole, drop, delay) per peer address.</summary>
    public FaultInjector Faults => Provider.Transport.Faults;

    /// <summary>The actor-message counters.</summary>
    public RemotingStatistics Statistics => Provider.Statistics;

    /// <summary>The transport's frame and connection counters.</summary>
    public RemoteTransportStatistics TransportStatistics => Provider.Transport.Statistics;

    /// <summary>The extension of <paramref name="system"/>.</summary>
    /// <exception cref="ConfigurationException">The system does not run with <c>akka.actor.provider = remote</c> (or cluster).</exception>
    public static RemoteExtension Get(ActorSystem system) => system.WithExtension<RemoteExtension, RemoteExtensionId>();

    /// <summary>See <see cref="RemoteActorRefProvider.Quarantine"/>.</summary>
    public bool Quarantine(Address address, long uid, string reason) => Provider.Quarantine(address, uid, reason);

    /// <summary>The transport address (<c>host:port</c>) of <paramref name="address"/>, as fault-injection rules take it.</summary>
    /// <exception cref="ArgumentException">Not an <c>akka.tcp</c> address with host and port.</exception>
    public static RemoteAddress ToRemoteAddress(Address address) =>
        RemoteActorRefProvider.TryGetRemoteAddress(address, out var remote)
            ? remote
            : throw new ArgumentException($"{address} is not a remoting address (akka.tcp://system@host:port).", nameof(address));
}
