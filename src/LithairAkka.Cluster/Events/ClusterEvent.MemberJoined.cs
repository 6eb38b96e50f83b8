namespace LithairAkka.Cluster;

/// <summary>The <see cref="ClusterEvent.MemberJoined"/> event.</summary>
public static partial class ClusterEvent
{
    /// <summary>A node asked to join and is now a Joining member.</summary>
    public sealed record MemberJoined : IMemberEvent
    {
        /// <summary>Creates the event.</summary>
        /// <param name="member">The member, with status Joining.</param>
        /// <exception cref="ArgumentException">The member's status is not Joining.</exception>
        public MemberJoined(Member member)
        {
            Member = Expect(member, MemberStatus.Joining);
        }

        /// <summary>The member, with status Joining.</summary>
        public Member Member { get; }
    }
}
