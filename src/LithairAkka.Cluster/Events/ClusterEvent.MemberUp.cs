namespace LithairAkka.Cluster;

/// <summary>The <see cref="ClusterEvent.MemberUp"/> event.</summary>
public static partial class ClusterEvent
{
    /// <summary>A member was moved to Up.</summary>
    public sealed record MemberUp : IMemberEvent
    {
        /// <summary>Creates the event.</summary>
        /// <param name="member">The member, with status Up.</param>
        /// <exception cref="ArgumentException">The member's status is not Up.</exception>
        public MemberUp(Member member)
        {
            Member = Expect(member, MemberStatus.Up);
        }

        /// <summary>The member, with status Up.</summary>
        public Member Member { get; }
    }
}
