namespace LithairAkka.Remote.Transport;

/// <summary>
/// One established association with one remote incarnation: the peer's address and uid as proven by the
/// handshake. The transport passes it to the <see cref="InboundFrameHandler"/> with every frame; replying
/// through it sends to that incarnation only (frames are dropped, not misdelivered, if the peer restarted
/// meanwhile). A new handle is made for every connection that finishes a handshake. Thread-safe.
/// </summary>
public sealed class AssociationHandle
{
    private volatile bool _quarantined;

    internal AssociationHandle(Association association, long remoteUid, bool isInbound, int peerMaximumFrameSize)
    {
        Association = association;
        RemoteUid = remoteUid;
        IsInbound = isInbound;
        PeerMaximumFrameSize = peerMaximumFrameSize;
    }

    /// <summary>The logical association (per remote address) this handle belongs to.</summary>
    public Association Association { get; }

    /// <summary>The peer's advertised address.</summary>
    public RemoteAddress RemoteAddress => Association.Address;

    /// <summary>This node's advertised address.</summary>
    public RemoteAddress LocalAddress => Association.Transport.LocalAddress;

    /// <summary>The uid of the peer incarnation, as announced in its handshake.</summary>
    public long RemoteUid { get; }

    /// <summary>True when the peer opened the connection.</summary>
    public bool IsInbound { get; }

    /// <summary>The peer's <c>maximum-frame-size</c>; frames larger than it are dropped by the writer.</summary>
    public int PeerMaximumFrameSize { get; }

    /// <summary>True once <see cref="RemoteUid"/> is quarantined: sends fail and inbound frames are dropped.</summary>
    public bool IsQuarantined => _quarantined;

    /// <summary>Queues <paramref name="payload"/> (copied) for this incarnation without blocking.</summary>
    /// <returns>See <see cref="Association.TrySend(long, ReadOnlySpan{byte})"/>.</returns>
    public SendResult TrySend(ReadOnlySpan<byte> payload) => Association.TrySend(RemoteUid, payload);

    /// <summary>Queues <paramref name="payload"/> for this incarnation, waiting while the queue is full.</summary>
    /// <returns>See <see cref="Association.SendAsync"/>.</returns>
    public ValueTask<SendResult> SendAsync(ReadOnlyMemory<byte> payload, CancellationToken token = default) =>
        Association.SendAsync(payload, RemoteUid, token);

    /// <summary>The peer address, uid and direction.</summary>
    public override string ToString() => $"{RemoteAddress} (uid {RemoteUid}, {(IsInbound ? "inbound" : "outbound")})";

    internal void MarkQuarantined() => _quarantined = true;
}
