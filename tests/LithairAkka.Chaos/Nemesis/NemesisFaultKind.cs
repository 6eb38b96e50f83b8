namespace LithairAkka.Chaos.Nemesis;

/// <summary>The faults the nemesis injects; each is undone at the end of its window.</summary>
public enum NemesisFaultKind
{
    /// <summary>SIGKILL a random node (<c>cluster.sh kill</c>), then restart it with its data (<c>start</c>).</summary>
    KillNode,

    /// <summary>SIGKILL the current leader, then restart it.</summary>
    KillLeader,

    /// <summary>SIGSTOP a random node, a long GC pause (<c>pause</c>), then SIGCONT it (<c>resume</c>).</summary>
    PauseNode,

    /// <summary>Cut a random minority off from the majority, both directions (<c>partition</c>, then <c>heal</c>).</summary>
    PartitionMinority,

    /// <summary>Cut the leader off from every other node, then heal.</summary>
    IsolateLeader,

    /// <summary>Split the others in two halves that cannot talk, with one node (the bridge) seeing both; then heal.</summary>
    Bridge,
}
