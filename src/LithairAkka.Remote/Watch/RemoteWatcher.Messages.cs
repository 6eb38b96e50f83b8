namespace LithairAkka.Remote;

public partial class RemoteWatcher
{
    /// <summary>A local <paramref name="Watcher"/> watches the remote <paramref name="Watchee"/> (sent by remote refs).</summary>
    /// <param name="Watchee">The remote actor.</param>
    /// <param name="Watcher">The local actor.</param>
    public sealed record WatchRemote(IInternalActorRef Watchee, IInternalActorRef Watcher);

    /// <summary>The pair no longer exists: unwatched, or the watchee's termination was delivered.</summary>
    /// <param name="Watchee">The remote actor.</param>
    /// <param name="Watcher">The local actor.</param>
    public sealed record UnwatchRemote(IInternalActorRef Watchee, IInternalActorRef Watcher);

    /// <summary>Sent by the remote watcher of a node watching this one; answered with <see cref="HeartbeatRsp"/>.</summary>
    public sealed record Heartbeat : IDeadLetterSuppression, INotInfluenceReceiveTimeout
    {
        private Heartbeat()
        {
        }

        /// <summary>The single instance.</summary>
        public static Heartbeat Instance { get; } = new();
    }

    /// <summary>The answer to <see cref="Heartbeat"/>, with the uid of the answering incarnation.</summary>
    /// <param name="AddressUid">The uid of the node's actor system incarnation.</param>
    public sealed record HeartbeatRsp(long AddressUid) : IDeadLetterSuppression, INotInfluenceReceiveTimeout;

    /// <summary>Asks for <see cref="Stats"/>.</summary>
    public sealed record GetStats
    {
        private GetStats()
        {
        }

        /// <summary>The single instance.</summary>
        public static GetStats Instance { get; } = new();
    }

    /// <summary>What the watcher tracks.</summary>
    /// <param name="WatchingRefs">Watcher-watchee pairs.</param>
    /// <param name="WatchingAddresses">Nodes with watched actors.</param>
    public sealed record Stats(int WatchingRefs, IReadOnlyCollection<Address> WatchingAddresses);

    /// <summary>The transport associated with <paramref name="Address"/>, incarnation <paramref name="Uid"/>.</summary>
    internal sealed record NodeAssociated(Address Address, long Uid);

    /// <summary>The transport quarantined incarnation <paramref name="Uid"/> at <paramref name="Address"/>.</summary>
    internal sealed record NodeQuarantined(Address Address, long Uid, string Reason);

    private sealed record ExpectedFirstHeartbeat(Address Address);

    private sealed record HeartbeatTick
    {
        public static HeartbeatTick Instance { get; } = new();
    }

    private sealed record ReapUnreachableTick
    {
        public static ReapUnreachableTick Instance { get; } = new();
    }
}
