namespace LithairAkka.Remote.Transport.Protocol;

/// <summary>Why a handshake was refused or an association closed; sent on the wire as one byte.</summary>
internal enum RefuseReason : byte
{
    /// <summary>Unspecified.</summary>
    Unknown = 0,

    /// <summary>The peers speak different protocol versions.</summary>
    ProtocolVersion = 1,

    /// <summary>The peers belong to differently named actor systems.</summary>
    SystemName = 2,

    /// <summary>The cookie proofs do not match.</summary>
    SecureCookie = 3,

    /// <summary>The initiating incarnation is quarantined by the acceptor.</summary>
    Quarantined = 4,

    /// <summary>A simultaneous connection between the same two nodes wins; this one is redundant (benign).</summary>
    Duplicate = 5,

    /// <summary>The peer advertises the acceptor's own address.</summary>
    SelfAddress = 6,

    /// <summary>The node is shutting down.</summary>
    ShuttingDown = 7,

    /// <summary>The peer broke the protocol.</summary>
    ProtocolViolation = 8,
}
