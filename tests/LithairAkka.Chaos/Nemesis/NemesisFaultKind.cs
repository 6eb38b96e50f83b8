namespace LithairAkka.Chaos.Nemesis;

/// <summary>The faults the nemesis injects; each is undone at the end of its window.</summary>
public enum NemesisFaultKind
{
    /// <summary>
    /// SIGKILL random nodes (<c>cluster.sh kill</c>), then restart them with their data (<c>start</c>): one node in a
    /// cluster of 3 or 4, up to ⌊(n−1)/2⌋ at once in a larger one.
    /// </summary>
    KillNode,

    /// <summary>SIGKILL the current leader, then restart it.</summary>
    KillLeader,

    /// <summary>SIGSTOP random nodes, a long GC pause (<c>pause</c>), then SIGCONT them (<c>resume</c>); as many as <see cref="KillNode"/> kills.</summary>
    PauseNode,

    /// <summary>Cut a random minority off from the majority, both directions (<c>partition</c>, then <c>heal</c>).</summary>
    PartitionMinority,

    /// <summary>Cut the leader off from every other node, then heal.</summary>
    IsolateLeader,

    /// <summary>Split the others in two halves that cannot talk, with one node (the bridge) seeing both; then heal.</summary>
    Bridge,

    /// <summary>
    /// Restart a random node with its wall clock 30 s to 3 min ahead or behind (libfaketime; monotonic time stays
    /// real), check that it really reports the offset, then restart it with the true clock. Skipped, and logged as
    /// skipped, where libfaketime is not installed.
    /// </summary>
    SkewClock,
}
