namespace LithairAkka.Cluster;

/// <summary>The <see cref="ClusterEvent.MemberWeaklyUp"/> event.</summary>
public static partial class ClusterEvent
{
    /// <summary>A joining member was moved to WeaklyUp while convergence was blocked by unreachable members.</summary>
    public sealed record MemberWeaklyUp : IMemberEvent
    {
        /// <summary>Creates the event.</summary>
        /// <param name="member">The member, with status WeaklyUp.</param>
        /// <exception cref="ArgumentException">The member's status is not WeaklyUp.</exception>
        public MemberWeaklyUp(Member member)
        {
            Member = Expect(member, MemberStatus.WeaklyUp);
        }

        /// <summary>The member, with status WeaklyUp.</summary>
        public Member Member { get; }
    }
}
