using Microsoft.Extensions.Logging;

namespace LithairAkka.Node.Hosting;

/// <summary>The node host's log messages (event ids 9000-9099).</summary>
internal static partial class NodeLog
{
    [LoggerMessage(EventId = 9000, Level = LogLevel.Information, Message = "Node {Node} starting: data in {DataDirectory}, log store {LogStore}, voters {Voters}")]
    public static partial void Starting(ILogger logger, long node, string dataDirectory, string logStore, string voters);

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Node {Node} serving: data API {DataAddress}, management {ManagementAddress}, remoting {RemoteAddress}, pbm {CmdEndpoint}")]
    public static partial void Serving(ILogger logger, long node, Uri dataAddress, Uri managementAddress, string remoteAddress, string cmdEndpoint);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Shutting down: handing leadership over")]
    public static partial void HandingOver(ILogger logger);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Information, Message = "Leadership handed over to node {Leader}")]
    public static partial void HandedOver(ILogger logger, long leader);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Information, Message = "HTTP servers and the pbm host stopped; requests in flight finished")]
    public static partial void HttpStopped(ILogger logger);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Information, Message = "Storage closed; node {Node} stopped")]
    public static partial void Stopped(ILogger logger, long node);

    [LoggerMessage(EventId = 9006, Level = LogLevel.Warning, Message = "The actor system terminated; stopping the node")]
    public static partial void SystemTerminated(ILogger logger);
}
