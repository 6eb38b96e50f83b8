namespace LithairAkka.Cluster;

/// <summary>The <see cref="ClusterEvent.MemberDowned"/> event.</summary>
public static partial class ClusterEvent
{
    /// <summary>A member was marked Down and will be removed.</summary>
    public sealed record MemberDowned : IMemberEvent
    {
        /// <summary>Creates the event.</summary>
        /// <param name="member">The member, with status Down.</param>
        /// <exception cref="ArgumentException">The member's status is not Down.</exception>
        public MemberDowned(Member member)
        {
            Member = Expect(member, MemberStatus.Down);
        }

        /// <summary>The member, with status Down.</summary>
        public Member Member { get; }
    }
}
