using System.Globalization;

namespace LithairAkka.Cluster;

/// <summary>
/// A member's identity: the actor system's <see cref="Actors.Address"/> plus a random <see cref="Uid"/> that tells
/// apart incarnations of a node restarted on the same host and port. Immutable and thread-safe; equality is by
/// address and uid; ordering is by host, port, then uid (<see cref="Member.AddressOrdering"/>).
/// </summary>
/// <param name="Address">The node's remoting address.</param>
/// <param name="Uid">The incarnation's random identifier.</param>
public sealed record UniqueAddress(Address Address, long Uid) : IComparable<UniqueAddress>
{
    /// <summary>The node's remoting address.</summary>
    public Address Address { get; } = Address ?? throw new ArgumentNullException(nameof(Address));

    /// <summary>Orders by <see cref="Member.AddressOrdering"/>, then by <see cref="Uid"/>.</summary>
    /// <param name="other">The address to compare with; <see langword="null"/> sorts first.</param>
    /// <returns>Negative, zero or positive as this address sorts before, with or after <paramref name="other"/>.</returns>
    public int CompareTo(UniqueAddress? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (ReferenceEquals(this, other))
        {
            return 0;
        }

        var result = Member.AddressOrdering.Compare(Address, other.Address);
        return result != 0 ? result : Uid.CompareTo(other.Uid);
    }

    /// <summary>Formats as <c>protocol://system@host:port#uid</c>.</summary>
    public override string ToString() => string.Concat(Address.ToString(), "#", Uid.ToString(CultureInfo.InvariantCulture));
}
