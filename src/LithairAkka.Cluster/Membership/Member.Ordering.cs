namespace LithairAkka.Cluster;

/// <summary>The orderings Akka defines on addresses and members.</summary>
public sealed partial class Member
{
    private static readonly MemberStatus[] LeaderOrderingLast =
        [MemberStatus.Down, MemberStatus.Exiting, MemberStatus.Joining, MemberStatus.WeaklyUp];

    /// <summary>
    /// Orders addresses by host (ordinal; local addresses first), then port, then protocol and system name so that
    /// distinct addresses never compare equal. This is the order leader election and heartbeat rings rely on.
    /// </summary>
    public static IComparer<Address> AddressOrdering { get; } = new AddressComparer();

    /// <summary>Orders members by unique address (<see cref="AddressOrdering"/>, then uid); the natural order.</summary>
    public static IComparer<Member> Ordering { get; } = Comparer<Member>.Create(static (x, y) =>
        ReferenceEquals(x, y) ? 0 : x is null ? -1 : x.CompareTo(y));

    /// <summary>Orders members from oldest to youngest (<see cref="IsOlderThan"/>): up-number, then unique address.</summary>
    public static IComparer<Member> AgeOrdering { get; } = Comparer<Member>.Create(static (x, y) =>
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byUp = x.UpNumber.CompareTo(y.UpNumber);
        return byUp != 0 ? byUp : x.UniqueAddress.CompareTo(y.UniqueAddress);
    });

    /// <summary>
    /// Orders members by address except that members with status Down, Exiting, Joining and WeaklyUp sort last, in
    /// that order from the end; used to pick a leader when no member is Up or Leaving.
    /// </summary>
    public static IComparer<Member> LeaderStatusOrdering { get; } = Comparer<Member>.Create(static (a, b) =>
    {
        if (a is null)
        {
            return b is null ? 0 : -1;
        }

        if (b is null)
        {
            return 1;
        }

        if (a.Status == b.Status)
        {
            return a.CompareTo(b);
        }

        foreach (var last in LeaderOrderingLast)
        {
            if (a.Status == last)
            {
                return 1;
            }

            if (b.Status == last)
            {
                return -1;
            }
        }

        return a.CompareTo(b);
    });

    private sealed class AddressComparer : IComparer<Address>
    {
        public int Compare(Address? x, Address? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }

            var result = string.CompareOrdinal(x.Host ?? string.Empty, y.Host ?? string.Empty);
            if (result != 0)
            {
                return result;
            }

            result = Nullable.Compare(x.Port, y.Port);
            if (result != 0)
            {
                return result;
            }

            result = string.CompareOrdinal(x.Protocol, y.Protocol);
            return result != 0 ? result : string.CompareOrdinal(x.System, y.System);
        }
    }
}
