namespace LithairAkka.Cluster;

/// <summary>The <see cref="ClusterEvent.MemberRemoved"/> event.</summary>
public static partial class ClusterEvent
{
    /// <summary>
    /// A member was removed from the cluster; <see cref="PreviousStatus"/> tells whether it left gracefully
    /// (Exiting) or was downed (Down).
    /// </summary>
    public sealed record MemberRemoved : IMemberEvent
    {
        /// <summary>Creates the event.</summary>
        /// <param name="member">The member, with status Removed.</param>
        /// <param name="previousStatus">Its status before removal.</param>
        /// <exception cref="ArgumentException">The member's status is not Removed.</exception>
        public MemberRemoved(Member member, MemberStatus previousStatus)
        {
            Member = Expect(member, MemberStatus.Removed);
            PreviousStatus = previousStatus;
        }

        /// <summary>The member, with status Removed.</summary>
        public Member Member { get; }

        /// <summary>The member's status before it was removed.</summary>
        public MemberStatus PreviousStatus { get; }
    }
}
