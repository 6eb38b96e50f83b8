using System.Collections.Immutable;
using System.Globalization;

namespace LithairAkka.Cluster;

/// <summary>
/// A cluster member: its <see cref="UniqueAddress"/>, <see cref="Status"/>, roles, up-number (age) and application
/// version. Immutable and thread-safe. As in Akka, equality and hash code depend only on the unique address, and the
/// natural ordering (<see cref="Ordering"/>) is by address: a set of members holds one entry per node whatever its
/// status.
/// </summary>
public sealed partial class Member : IComparable<Member>, IEquatable<Member>
{
    private Member(UniqueAddress uniqueAddress, int upNumber, MemberStatus status, ImmutableHashSet<string> roles, AppVersion appVersion)
    {
        UniqueAddress = uniqueAddress;
        UpNumber = upNumber;
        Status = status;
        Roles = roles;
        AppVersion = appVersion;
    }

    /// <summary>The member's identity.</summary>
    public UniqueAddress UniqueAddress { get; }

    /// <summary>The member's remoting address.</summary>
    public Address Address => UniqueAddress.Address;

    /// <summary>
    /// Assigned by the leader when the member moves to <see cref="MemberStatus.Up"/>, increasing with every member
    /// moved up: a lower number means an older member (<see cref="IsOlderThan"/>). <see cref="int.MaxValue"/> before.
    /// </summary>
    public int UpNumber { get; }

    /// <summary>The member's status.</summary>
    public MemberStatus Status { get; }

    /// <summary>The member's roles (<c>akka.cluster.roles</c>); may be empty.</summary>
    public ImmutableHashSet<string> Roles { get; }

    /// <summary>The application version the member runs (<c>akka.cluster.app-version</c>).</summary>
    public AppVersion AppVersion { get; }

    /// <summary>A new member as it asks to join: status <see cref="MemberStatus.Joining"/>, no up-number yet.</summary>
    /// <param name="uniqueAddress">The joining node.</param>
    /// <param name="roles">Its roles.</param>
    /// <param name="appVersion">Its application version; <see cref="AppVersion.Zero"/> when <see langword="null"/>.</param>
    /// <returns>The joining member.</returns>
    public static Member Create(UniqueAddress uniqueAddress, IEnumerable<string> roles, AppVersion? appVersion = null) =>
        Create(uniqueAddress, int.MaxValue, MemberStatus.Joining, roles, appVersion);

    /// <summary>
    /// A member with every field given, e.g. when decoding gossip from the wire or in tests. No transition is checked.
    /// </summary>
    /// <param name="uniqueAddress">The node.</param>
    /// <param name="upNumber">Its up-number (<see cref="int.MaxValue"/> when never up).</param>
    /// <param name="status">Its status.</param>
    /// <param name="roles">Its roles.</param>
    /// <param name="appVersion">Its application version; <see cref="AppVersion.Zero"/> when <see langword="null"/>.</param>
    /// <returns>The member.</returns>
    public static Member Create(UniqueAddress uniqueAddress, int upNumber, MemberStatus status, IEnumerable<string> roles, AppVersion? appVersion = null)
    {
        ArgumentNullException.ThrowIfNull(uniqueAddress);
        ArgumentNullException.ThrowIfNull(roles);
        return new Member(uniqueAddress, upNumber, status, roles as ImmutableHashSet<string> ?? roles.ToImmutableHashSet(StringComparer.Ordinal),
            appVersion ?? AppVersion.Zero);
    }

    /// <summary>A placeholder with status <see cref="MemberStatus.Removed"/> for a node no longer in the cluster.</summary>
    /// <param name="node">The removed node.</param>
    /// <returns>The placeholder member.</returns>
    public static Member Removed(UniqueAddress node) =>
        new(node ?? throw new ArgumentNullException(nameof(node)), int.MaxValue, MemberStatus.Removed, [], AppVersion.Zero);

    /// <summary>True when the member has <paramref name="role"/>.</summary>
    /// <param name="role">The role name.</param>
    public bool HasRole(string role) => Roles.Contains(role);

    /// <summary>
    /// True when this member has been part of the cluster longer than <paramref name="other"/>: a lower up-number, or
    /// the same up-number and a lower address. Only meaningful between current members: a member that joined after
    /// another was removed may reuse its up-number.
    /// </summary>
    /// <param name="other">The member to compare with.</param>
    public bool IsOlderThan(Member other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return UpNumber == other.UpNumber ? UniqueAddress.CompareTo(other.UniqueAddress) < 0 : UpNumber < other.UpNumber;
    }

    /// <summary>This member with another status.</summary>
    /// <param name="status">The new status; the same status returns this instance.</param>
    /// <returns>The member with <paramref name="status"/>.</returns>
    /// <exception cref="InvalidOperationException">The move is not in <see cref="AllowedTransitions"/>.</exception>
    public Member Copy(MemberStatus status)
    {
        if (status == Status)
        {
            return this;
        }

        if (!IsTransitionAllowed(Status, status))
        {
            throw new InvalidOperationException($"Invalid member status transition {Status} -> {status} for {UniqueAddress}");
        }

        return new Member(UniqueAddress, UpNumber, status, Roles, AppVersion);
    }

    /// <summary>This member moved to <see cref="MemberStatus.Up"/> with the given up-number.</summary>
    /// <param name="upNumber">The up-number the leader assigns.</param>
    /// <returns>The member, Up.</returns>
    /// <exception cref="InvalidOperationException">The member's status cannot move to Up.</exception>
    public Member CopyUp(int upNumber) => new Member(UniqueAddress, upNumber, Status, Roles, AppVersion).Copy(MemberStatus.Up);

    /// <summary>Orders by <see cref="Ordering"/> (address, then uid).</summary>
    /// <param name="other">The member to compare with.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(Member? other) => other is null ? 1 : UniqueAddress.CompareTo(other.UniqueAddress);

    /// <summary>True when both members are the same node incarnation, whatever their status.</summary>
    /// <param name="other">The member to compare with.</param>
    public bool Equals(Member? other) => other is not null && UniqueAddress.Equals(other.UniqueAddress);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Member other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => UniqueAddress.GetHashCode();

    /// <summary>A readable description with every field.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Member({UniqueAddress}, {Status}, roles=[{string.Join(",", Roles.Order(StringComparer.Ordinal))}], upNumber={UpNumber}, version={AppVersion})");
}
