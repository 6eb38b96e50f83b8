namespace LithairAkka.Cluster;

/// <summary>The <see cref="ClusterEvent.MemberExited"/> event.</summary>
public static partial class ClusterEvent
{
    /// <summary>A leaving member was moved to Exiting and is shutting down.</summary>
    public sealed record MemberExited : IMemberEvent
    {
        /// <summary>Creates the event.</summary>
        /// <param name="member">The member, with status Exiting.</param>
        /// <exception cref="ArgumentException">The member's status is not Exiting.</exception>
        public MemberExited(Member member)
        {
            Member = Expect(member, MemberStatus.Exiting);
        }

        /// <summary>The member, with status Exiting.</summary>
        public Member Member { get; }
    }
}
