using LithairAkka.Remote.Transport;

namespace LithairAkka.Remote;

public partial class RemoteActorRefProvider
{
    /// <summary>
    /// Resolves <paramref name="path"/>: this system's addresses (local or external) give local refs (an empty ref when
    /// nothing lives there), <c>akka.tcp</c> addresses of other nodes give <see cref="RemoteActorRef"/>s, and anything
    /// else the dead-letters ref.
    /// </summary>
    public override IActorRef ResolveActorRef(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (IsOwnAddress(path.Address))
        {
            return ResolveLocalActorRef(path);
        }

        return TryGetRemoteAddress(path.Address, out var remote) ? new RemoteActorRef(this, path, remote) : DeadLetters;
    }

    /// <summary>The root guardian here, or a remote ref to the root of the node at <paramref name="address"/> (where remote
    /// selections start).</summary>
    public override IInternalActorRef RootGuardianAt(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (IsOwnAddress(address))
        {
            return RootGuardian;
        }

        return TryGetRemoteAddress(address, out var remote)
            ? new RemoteActorRef(this, new RootActorPath(address), remote)
            : base.RootGuardianAt(address);
    }

    /// <summary>This system's external address for any <c>akka.tcp</c> peer; null for other protocols.</summary>
    public override Address? GetExternalAddressFor(Address remoteAddress)
    {
        ArgumentNullException.ThrowIfNull(remoteAddress);
        return IsOwnAddress(remoteAddress) || TryGetRemoteAddress(remoteAddress, out _) ? DefaultAddress : null;
    }

    /// <summary>True for the local root address and for this system's external address (host compared without case).</summary>
    public bool IsOwnAddress(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address == RootPath.Address || address == DefaultAddress)
        {
            return true;
        }

        return _address is { } own
            && string.Equals(address.Protocol, own.Protocol, StringComparison.Ordinal)
            && string.Equals(address.System, own.System, StringComparison.Ordinal)
            && address.Port == own.Port
            && string.Equals(address.Host, own.Host, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The actor-level address of the node at <paramref name="remote"/> (peers share this system's name).</summary>
    public Address ToAddress(RemoteAddress remote) => new(Protocol, RootPath.Address.System, remote.Host, remote.Port);

    /// <summary>The transport address of <paramref name="address"/>; false for local or non-<c>akka.tcp</c> addresses.</summary>
    public static bool TryGetRemoteAddress(Address address, out RemoteAddress remote)
    {
        ArgumentNullException.ThrowIfNull(address);
        remote = default;
        if (!string.Equals(address.Protocol, Protocol, StringComparison.Ordinal) || address.Host is not { Length: > 0 } host
            || address.Port is not ({ } port and > 0 and <= 65535))
        {
            return false;
        }

        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        remote = new RemoteAddress(bare, port);
        return true;
    }

    /// <inheritdoc/>
    protected override bool IsLocalAddress(Address address) => IsOwnAddress(address);

    internal RemoteActorRef RemoteRefFor(ActorPath path, RemoteAddress remote) => new(this, path, remote);
}
