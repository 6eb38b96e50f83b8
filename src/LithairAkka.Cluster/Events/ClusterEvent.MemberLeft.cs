namespace LithairAkka.Cluster;

/// <summary>The <see cref="ClusterEvent.MemberLeft"/> event.</summary>
public static partial class ClusterEvent
{
    /// <summary>A member asked to leave and is now Leaving.</summary>
    public sealed record MemberLeft : IMemberEvent
    {
        /// <summary>Creates the event.</summary>
        /// <param name="member">The member, with status Leaving.</param>
        /// <exception cref="ArgumentException">The member's status is not Leaving.</exception>
        public MemberLeft(Member member)
        {
            Member = Expect(member, MemberStatus.Leaving);
        }

        /// <summary>The member, with status Leaving.</summary>
        public Member Member { get; }
    }
}
