namespace LithairAkka.Cluster;

/// <summary>The <see cref="ClusterEvent.RoleLeaderChanged"/> event.</summary>
public static partial class ClusterEvent
{
    /// <summary>The leader among the members with <paramref name="Role"/> changed.</summary>
    /// <param name="Role">The role.</param>
    /// <param name="Leader">The new role leader's address, or <see langword="null"/> when there is none.</param>
    public sealed record RoleLeaderChanged(string Role, Address? Leader) : IClusterDomainEvent;
}
