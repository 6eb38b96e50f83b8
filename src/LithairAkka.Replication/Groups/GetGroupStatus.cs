using LithairAkka.Replication.Consensus;

namespace LithairAkka.Replication.Groups;

/// <summary>Asks for the consensus status; answered with a <see cref="RaftStatus"/>.</summary>
public sealed record GetGroupStatus
{
    /// <summary>The single instance.</summary>
    public static GetGroupStatus Instance { get; } = new();
}
