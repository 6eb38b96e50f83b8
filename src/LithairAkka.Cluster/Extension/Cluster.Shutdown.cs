namespace LithairAkka.Cluster;

/// <summary>The ties to <see cref="CoordinatedShutdown"/>.</summary>
public sealed partial class Cluster
{
    // cluster-leave: leave and wait to be Exiting (or out); cluster-exiting: wait to be removed; cluster-shutdown:
    // stop the daemons. Each wait is bounded by its phase's timeout, so a node cut off from the others still stops.
    private void RegisterShutdownTasks()
    {
        var shutdown = CoordinatedShutdown.Get(_system);
        shutdown.AddTask(CoordinatedShutdown.PhaseClusterLeave, "leave", async () =>
        {
            if (IsMember(SelfMember) && SelfMember.Status is not (MemberStatus.Exiting or MemberStatus.Down))
            {
                Leave(SelfAddress);
                await _exitingOrGone.Task.ConfigureAwait(false);
            }

            return Done.Instance;
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseClusterExiting, "wait-exiting", async () =>
        {
            if (IsMember(SelfMember) && SelfMember.Status == MemberStatus.Exiting)
            {
                await _removed.Task.ConfigureAwait(false);
            }

            return Done.Instance;
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseClusterShutdown, "cluster-shutdown", () =>
        {
            Tell(ClusterDaemon.Shutdown.Instance);
            OnSelfRemoved(terminated: true);
            return Task.FromResult(Done.Instance);
        });
    }

    private static bool IsMember(Member member) => member.Status != MemberStatus.Removed;

    // Runs coordinated shutdown for this node's exit from the cluster, unless it already runs.
    internal void RunCoordinatedShutdown(CoordinatedShutdown.Reason reason) => _ = CoordinatedShutdown.Get(_system).Run(reason);
}
