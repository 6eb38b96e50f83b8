namespace LithairAkka.Actors;

/// <summary>Why a coordinated shutdown runs.</summary>
public sealed partial class CoordinatedShutdown
{
    /// <summary>Base of shutdown reasons.</summary>
    public abstract class Reason
    {
        /// <inheritdoc/>
        public override string ToString() => GetType().Name;
    }

    /// <summary>No reason given.</summary>
    public sealed class UnknownReason : Reason
    {
        /// <summary>The single instance.</summary>
        public static UnknownReason Instance { get; } = new();
    }

    /// <summary><see cref="ActorSystem.Terminate"/> was called.</summary>
    public sealed class ActorSystemTerminateReason : Reason
    {
        /// <summary>The single instance.</summary>
        public static ActorSystemTerminateReason Instance { get; } = new();
    }

    /// <summary>The process is exiting.</summary>
    public sealed class ClrExitReason : Reason
    {
        /// <summary>The single instance.</summary>
        public static ClrExitReason Instance { get; } = new();
    }

    /// <summary>This node was downed by the cluster.</summary>
    public sealed class ClusterDowningReason : Reason
    {
        /// <summary>The single instance.</summary>
        public static ClusterDowningReason Instance { get; } = new();
    }

    /// <summary>This node left the cluster.</summary>
    public sealed class ClusterLeavingReason : Reason
    {
        /// <summary>The single instance.</summary>
        public static ClusterLeavingReason Instance { get; } = new();
    }

    /// <summary>This node could not join the cluster in time.</summary>
    public sealed class ClusterJoinUnsuccessfulReason : Reason
    {
        /// <summary>The single instance.</summary>
        public static ClusterJoinUnsuccessfulReason Instance { get; } = new();
    }
}
