using System.Globalization;

namespace LithairAkka.Cluster;

/// <summary>
/// Parses the member addresses operators type (the management routes, <c>pbm cluster</c>): a full
/// <c>akka.tcp://system@host:port</c>, or <c>system@host:port</c>, or <c>host:port</c>, the missing parts taken from this
/// node's own address. Thread-safe (stateless).
/// </summary>
public static class MemberAddress
{
    /// <summary>Parses <paramref name="text"/>; false when it is not one of the accepted forms with a host and a port.</summary>
    /// <param name="text">What the operator typed.</param>
    /// <param name="self">This node's address, for the protocol and system name when they are left out.</param>
    /// <param name="address">The parsed address.</param>
    public static bool TryParse(string? text, Address self, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Address? address)
    {
        ArgumentNullException.ThrowIfNull(self);
        address = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        var full = trimmed.Contains("://", StringComparison.Ordinal) ? trimmed
            : trimmed.Contains('@', StringComparison.Ordinal) ? string.Concat(self.Protocol, "://", trimmed)
            : string.Concat(self.Protocol, "://", self.System, "@", trimmed);
        if (!Address.TryParse(full, out var parsed, out var rest) || !rest.IsEmpty || parsed.Host is null || parsed.Port is not { } port
            || port is < 1 or > 65535)
        {
            return false;
        }

        address = parsed;
        return true;
    }

    /// <summary>The member of <paramref name="state"/> at <paramref name="address"/>, or <see langword="null"/>.</summary>
    /// <param name="state">A membership snapshot.</param>
    /// <param name="address">The member's address.</param>
    public static Member? Find(ClusterEvent.CurrentClusterState state, Address address)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(address);
        return state.Members.FirstOrDefault(m => m.Address.Equals(address));
    }

    /// <summary>The oldest member that is Up or Leaving (lowest up-number), or <see langword="null"/>.</summary>
    /// <param name="state">A membership snapshot.</param>
    public static Member? Oldest(ClusterEvent.CurrentClusterState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Member? oldest = null;
        foreach (var member in state.Members.Where(m => m.Status is MemberStatus.Up or MemberStatus.Leaving))
        {
            if (oldest is null || member.IsOlderThan(oldest))
            {
                oldest = member;
            }
        }

        return oldest;
    }

    /// <summary>The member's status as Akka spells it (<c>Up</c>, <c>WeaklyUp</c>, …).</summary>
    /// <param name="status">The status.</param>
    public static string StatusName(MemberStatus status) => status.ToString();

    /// <summary>The member's uid as text (the JSON routes give it as a string, as the JVM's Akka Management does).</summary>
    /// <param name="member">The member.</param>
    public static string UidText(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.UniqueAddress.Uid.ToString(CultureInfo.InvariantCulture);
    }
}
