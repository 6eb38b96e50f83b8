namespace LithairAkka.Remote.Transport.Protocol;

/// <summary>The first byte of a control frame's body.</summary>
internal enum ControlKind : byte
{
    /// <summary>Handshake opener, sent by both sides at once: magic, version, identity, nonce.</summary>
    Hello = 1,

    /// <summary>Initiator's cookie proof.</summary>
    Auth = 2,

    /// <summary>Acceptor's verdict "accepted", with the acceptor's cookie proof.</summary>
    Accept = 3,

    /// <summary>Either side refuses the association: reason code and text. Its layout never changes between versions.</summary>
    Refuse = 4,

    /// <summary>Graceful close of an established association: reason code and text.</summary>
    Disassociate = 5,

    /// <summary>No-op sent to flush out a half-open connection (the peer's TCP stack answers a dead socket with RST).</summary>
    Ping = 6,
}
