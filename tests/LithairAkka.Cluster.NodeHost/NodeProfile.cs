namespace LithairAkka.Cluster.NodeHost;

/// <summary>Timing profiles of a test node, as HOCON overriding the reference configuration.</summary>
public static class NodeProfile
{
    /// <summary>The HOCON of a profile: <c>default</c> (Akka's defaults), <c>tuned</c> (fast failure detection), <c>fast</c> (tests).</summary>
    public static string Hocon(string profile) => profile switch
    {
        "default" => string.Empty,
        "tuned" => """
            akka.cluster.failure-detector { heartbeat-interval = 100ms, acceptable-heartbeat-pause = 400ms, min-std-deviation = 50ms, expected-response-after = 200ms }
            akka.cluster { unreachable-nodes-reaper-interval = 100ms, gossip-interval = 200ms, leader-actions-interval = 200ms }
            akka.cluster.split-brain-resolver.stable-after = 2s
            """,
        "fast" => """
            akka.cluster {
              periodic-tasks-initial-delay = 100ms
              gossip-interval = 200ms
              leader-actions-interval = 200ms
              unreachable-nodes-reaper-interval = 200ms
              seed-node-timeout = 2s
              retry-unsuccessful-join-after = 2s
              failure-detector { heartbeat-interval = 200ms, acceptable-heartbeat-pause = 1s, min-std-deviation = 100ms, expected-response-after = 500ms }
              split-brain-resolver.stable-after = 2s
            }
            """,
        _ => throw new FormatException($"--profile must be fast, tuned or default, got '{profile}'"),
    };
}
