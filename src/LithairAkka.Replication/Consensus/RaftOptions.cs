namespace LithairAkka.Replication.Consensus;

/// <summary>
/// Tuning of one <see cref="RaftCore"/>. Times are counted in ticks (<see cref="RaftCore.Tick"/> calls); the host
/// decides how long a tick is. Immutable once built; <see cref="Validate"/> is called by the core's constructor.
/// </summary>
public sealed class RaftOptions
{
    /// <summary>
    /// The shortest election timeout, in ticks (default 10). Also the period of the leader's check-quorum, the length of a
    /// follower's leader lease (during which it refuses to vote for others) and the limit of a leadership transfer.
    /// </summary>
    public int ElectionTimeoutMinTicks { get; init; } = 10;

    /// <summary>
    /// The longest election timeout, in ticks (default 20). Each follower waits a timeout drawn uniformly in
    /// [<see cref="ElectionTimeoutMinTicks"/>, <see cref="ElectionTimeoutMaxTicks"/>] from the injected random source.
    /// </summary>
    public int ElectionTimeoutMaxTicks { get; init; } = 20;

    /// <summary>Ticks between two heartbeats of the leader (default 1); must be below the election timeout.</summary>
    public int HeartbeatTicks { get; init; } = 1;

    /// <summary>Append messages a leader keeps in flight to one follower before waiting for answers (default 256).</summary>
    public int MaxInflightMessages { get; init; } = 256;

    /// <summary>Entries in one append message at most (default 100, the <c>batch-size</c> setting).</summary>
    public int MaxEntriesPerMessage { get; init; } = 100;

    /// <summary>
    /// Bytes of entries in one append message at most (default 1 MiB); a single larger entry is still sent, alone.
    /// </summary>
    public long MaxBytesPerMessage { get; init; } = 1024 * 1024;

    /// <summary>
    /// Whether a leader that heard from no majority of voters within an election timeout steps down, and whether a
    /// follower that heard from a leader within one refuses to vote for others (default on).
    /// </summary>
    public bool CheckQuorum { get; init; } = true;

    /// <summary>
    /// Whether this node ever stands for election (default on). Off on the followers of a static election
    /// (<c>lithair.replication.election = static</c>): they vote, follow and replicate, but never campaign, neither on
    /// an election timeout nor on <see cref="RaftCore.Campaign"/> nor when a leader hands leadership over to them.
    /// </summary>
    public bool CanCampaign { get; init; } = true;

    /// <summary>Whether an election is preceded by a pre-vote round, so a node that cannot win does not disturb the
    /// group by raising the term (default on).</summary>
    public bool PreVote { get; init; } = true;

    /// <summary>
    /// Test-only fault injection: commit an entry of an earlier term once a majority stores it, which Raft forbids
    /// (§5.4.2, Figure 8). Exists so the simulation can prove its checkers find the resulting loss of committed data.
    /// </summary>
    internal bool UnsafeCommitOldTermEntries { get; init; }

    /// <summary>Checks the options for consistency.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names the property.</exception>
    public void Validate()
    {
        if (HeartbeatTicks < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(HeartbeatTicks), HeartbeatTicks, "Must be at least 1.");
        }

        if (ElectionTimeoutMinTicks <= HeartbeatTicks)
        {
            throw new ArgumentOutOfRangeException(
                nameof(ElectionTimeoutMinTicks), ElectionTimeoutMinTicks, "Must be greater than HeartbeatTicks.");
        }

        if (ElectionTimeoutMaxTicks < ElectionTimeoutMinTicks)
        {
            throw new ArgumentOutOfRangeException(
                nameof(ElectionTimeoutMaxTicks), ElectionTimeoutMaxTicks, "Must be at least ElectionTimeoutMinTicks.");
        }

        if (MaxInflightMessages < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxInflightMessages), MaxInflightMessages, "Must be at least 1.");
        }

        if (MaxEntriesPerMessage < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxEntriesPerMessage), MaxEntriesPerMessage, "Must be at least 1.");
        }

        if (MaxBytesPerMessage < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBytesPerMessage), MaxBytesPerMessage, "Must be at least 1.");
        }
    }
}
