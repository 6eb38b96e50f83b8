using Microsoft.Extensions.Logging;

namespace LithairAkka.Management.Bootstrap;

/// <summary>Cluster bootstrap's log messages (event ids 9300-9319).</summary>
internal static partial class BootstrapLog
{
    [LoggerMessage(EventId = 9300, Level = LogLevel.Information, Message = "Cluster bootstrap started: service {Service}, contact points {ContactPoints}, {Required} required, stable margin {StableMargin}")]
    public static partial void Started(ILogger logger, string service, string contactPoints, int required, TimeSpan stableMargin);

    [LoggerMessage(EventId = 9301, Level = LogLevel.Information, Message = "Cluster bootstrap: {Reason}")]
    public static partial void Waiting(ILogger logger, string reason);

    [LoggerMessage(EventId = 9302, Level = LogLevel.Information, Message = "Cluster bootstrap: {Reason}; forming a new cluster at {Self}")]
    public static partial void JoiningSelf(ILogger logger, string reason, Address self);

    [LoggerMessage(EventId = 9303, Level = LogLevel.Information, Message = "Cluster bootstrap: {Reason}; joining")]
    public static partial void JoiningSeeds(ILogger logger, string reason);

    [LoggerMessage(EventId = 9304, Level = LogLevel.Debug, Message = "Cluster bootstrap: probing {ContactPoint} failed: {Problem}")]
    public static partial void ProbeFailed(ILogger logger, ContactPoint contactPoint, string problem);
}
