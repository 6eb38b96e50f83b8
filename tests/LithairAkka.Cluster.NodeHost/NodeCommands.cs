using LithairAkka.Actors;
using LithairAkka.Remote;
using LithairAkka.Remote.Transport;

namespace LithairAkka.Cluster.NodeHost;

/// <summary>
/// The commands a node reads from stdin, one per line: <c>blackhole HOST:PORT</c> (drop all remoting traffic with that
/// peer, both directions), <c>heal</c>, <c>leave</c> (this node leaves), <c>down ADDRESS</c>, <c>join ADDRESS</c>,
/// <c>state TOKEN</c> (prints <c>STATE TOKEN</c> with every member and status). End of input leaves the cluster gracefully.
/// </summary>
internal static class NodeCommands
{
    public static async Task ReadAsync(ActorSystem system, Cluster cluster)
    {
        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            try
            {
                Run(system, cluster, parts[0], parts.Length > 1 ? parts[1] : string.Empty);
            }
            catch (FormatException e)
            {
                Console.Out.WriteLine($"ERROR {e.Message}");
            }
        }

        // stdin closed: the test (or the terminal) is done with this node.
        await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClrExitReason.Instance).ConfigureAwait(false);
    }

    private static void Run(ActorSystem system, Cluster cluster, string command, string argument)
    {
        switch (command)
        {
            case "blackhole":
                RemoteExtension.Get(system).Faults.Blackhole(RemoteAddress.Parse(argument));
                Console.Out.WriteLine($"OK blackhole {argument}");
                break;
            case "heal":
                RemoteExtension.Get(system).Faults.Heal();
                Console.Out.WriteLine("OK heal");
                break;
            case "leave":
                cluster.Leave(cluster.SelfAddress);
                break;
            case "down":
                cluster.Down(Address.Parse(argument));
                break;
            case "join":
                cluster.Join(Address.Parse(argument));
                break;
            case "state":
                var state = cluster.State;
                var members = string.Join(',', state.Members.Select(m => $"{m.Address}={m.Status}"));
                var unreachable = string.Join(',', state.Unreachable.Select(m => m.Address.ToString()));
                Console.Out.WriteLine($"STATE {argument} members={members} unreachable={unreachable} leader={state.Leader?.ToString() ?? "-"}");
                break;
            default:
                throw new FormatException($"unknown command '{command}'");
        }
    }
}
