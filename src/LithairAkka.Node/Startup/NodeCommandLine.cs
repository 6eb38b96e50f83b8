using System.CommandLine;

namespace LithairAkka.Node.Startup;

/// <summary>The node's flags (INTERFACE.md §3) with System.CommandLine, each falling back to its environment variable.</summary>
internal static class NodeCommandLine
{
    private static readonly Option<string?> Config = new("--config") { Description = "HOCON file (LITHAIR_CONFIG); hocon/node.conf when absent.", HelpName = "FILE" };
    private static readonly Option<string?> NodeId = new("--node-id") { Description = "Stable node identity, a non-negative integer (LITHAIR_NODE_ID); default 0.", HelpName = "N" };
    private static readonly Option<string?> Peers = new("--peers") { Description = "The other voters' remoting addresses, HOST:PORT or ID@HOST:PORT, comma-separated (LITHAIR_RAFT_PEERS).", HelpName = "a:p,b:p" };
    private static readonly Option<bool> Leader = new("--leader") { Description = "Lead from the start; only with lithair.replication.election = static (LITHAIR_IS_LEADER=true)." };
    private static readonly Option<bool> CheckConfig = new("--check-config") { Description = "Load and validate the configuration and flags, print a summary and exit (0 when valid, 2 otherwise) without starting." };
    private static readonly Option<string?> Data = new("--data") { Description = "Directory of the node's log and snapshots (LITHAIR_DATA); default data/node-N.", HelpName = "DIR" };

    /// <summary>The root command, for parsing and help.</summary>
    public static RootCommand Root { get; } = new("LithairAkka node: a replicated key-value state machine with its HTTP, monitoring and management APIs.")
    {
        Config, NodeId, Peers, Leader, Data, CheckConfig,
    };

    /// <summary>Parses <paramref name="args"/>; the environment fills what the flags leave out.</summary>
    /// <exception cref="StartupException">An unknown option or a missing value; the message names it.</exception>
    public static NodeArguments Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var result = Root.Parse(args);
        if (result.Errors.Count > 0)
        {
            throw new StartupException(result.Errors[0].Message + " Run with --help for the options.");
        }

        return new NodeArguments(
            result.GetValue(Config) ?? environment("LITHAIR_CONFIG"),
            result.GetValue(NodeId) ?? environment("LITHAIR_NODE_ID"),
            result.GetValue(Peers) ?? environment("LITHAIR_RAFT_PEERS"),
            result.GetValue(Leader) ? "true" : environment("LITHAIR_IS_LEADER"),
            result.GetValue(Data) ?? environment("LITHAIR_DATA"));
    }

    /// <summary>Whether the arguments ask only to check the configuration (<c>--check-config</c>).</summary>
    public static bool WantsCheck(IReadOnlyList<string> args) => Root.Parse(args).GetValue(CheckConfig);

    /// <summary>Whether the arguments ask for help (then <see cref="Root"/> prints it).</summary>
    public static bool WantsHelp(IReadOnlyList<string> args) => args.Any(a => a is "--help" or "-h" or "-?");
}
