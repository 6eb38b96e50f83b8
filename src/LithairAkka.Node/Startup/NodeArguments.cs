namespace LithairAkka.Node.Startup;

/// <summary>The §3 options as given on the command line or in the environment (flag first); absent ones are null.</summary>
/// <param name="ConfigFile"><c>--config</c> / <c>LITHAIR_CONFIG</c>.</param>
/// <param name="NodeId"><c>--node-id</c> / <c>LITHAIR_NODE_ID</c>, unparsed.</param>
/// <param name="Peers"><c>--peers</c> / <c>LITHAIR_RAFT_PEERS</c>, unparsed.</param>
/// <param name="Leader"><c>--leader</c> / <c>LITHAIR_IS_LEADER</c>, unparsed (<c>true</c> for the flag).</param>
/// <param name="DataDirectory"><c>--data</c> / <c>LITHAIR_DATA</c>.</param>
internal sealed record NodeArguments(string? ConfigFile, string? NodeId, string? Peers, string? Leader, string? DataDirectory);
