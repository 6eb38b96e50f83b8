using LithairAkka.Remote.Transport.Protocol;
using LithairAkka.Remote.Transport.Tls;

namespace LithairAkka.Remote.Transport;

/// <summary>
/// Immutable settings of a <see cref="RemoteTransport"/>, bound once from <c>akka.remote</c> with
/// <see cref="FromConfig"/>. Defaults equal <c>hocon/reference.conf</c>. <see cref="Validate"/> (called by
/// <see cref="FromConfig"/> and by the transport's constructor) throws a <see cref="RemoteConfigurationException"/>
/// naming the offending key. Thread-safe (immutable).
/// </summary>
public sealed partial record RemoteTransportSettings
{
    /// <summary>The actor system's name; peers with another name are refused. Not a HOCON key: the actor system's name.</summary>
    public string SystemName { get; init; } = "lithair";

    /// <summary><c>akka.remote.dot-netty.tcp.hostname</c>: host name or IP to bind. <c>0.0.0.0</c> / <c>::</c> bind every
    /// interface (then <see cref="PublicHostname"/> is required). A name resolving to several addresses binds the first
    /// IPv4 one.</summary>
    public string Hostname { get; init; } = "127.0.0.1";

    /// <summary><c>akka.remote.dot-netty.tcp.port</c>: TCP port to bind; 0 picks a free port (see <see cref="RemoteTransport.LocalAddress"/>).</summary>
    public int Port { get; init; } = 4053;

    /// <summary><c>akka.remote.dot-netty.tcp.public-hostname</c>: host advertised to peers; empty means <see cref="Hostname"/>.</summary>
    public string PublicHostname { get; init; } = string.Empty;

    /// <summary><c>akka.remote.dot-netty.tcp.public-port</c>: port advertised to peers; 0 means the bound port.</summary>
    public int PublicPort { get; init; }

    /// <summary><c>akka.remote.dot-netty.tcp.maximum-frame-size</c>: largest payload in bytes, both ways.</summary>
    public int MaximumFrameSize { get; init; } = 128000;

    /// <summary><c>akka.remote.dot-netty.tcp.send-buffer-size</c>: socket send buffer (SO_SNDBUF) in bytes.</summary>
    public int SendBufferSize { get; init; } = 256000;

    /// <summary><c>akka.remote.dot-netty.tcp.receive-buffer-size</c>: socket receive buffer (SO_RCVBUF) in bytes.</summary>
    public int ReceiveBufferSize { get; init; } = 256000;

    /// <summary><c>akka.remote.dot-netty.tcp.tcp-nodelay</c>: disable Nagle's algorithm (the writer batches by itself).</summary>
    public bool TcpNoDelay { get; init; } = true;

    /// <summary><c>akka.remote.dot-netty.tcp.tcp-keepalive</c>: enable TCP keep-alive probes.</summary>
    public bool TcpKeepAlive { get; init; } = true;

    /// <summary><c>akka.remote.dot-netty.tcp.backlog</c>: listen backlog.</summary>
    public int Backlog { get; init; } = 4096;

    /// <summary><c>akka.remote.dot-netty.tcp.connection-timeout</c>: bound on one outbound TCP connect.</summary>
    public TimeSpan ConnectionTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary><c>akka.remote.dot-netty.tcp.enable-ssl</c>: wrap every connection in TLS with mutual authentication.</summary>
    public bool EnableSsl { get; init; }

    /// <summary><c>akka.remote.dot-netty.tcp.ssl</c>: certificates and trust; used when <see cref="EnableSsl"/>.</summary>
    public TlsSettings Ssl { get; init; } = TlsSettings.Default;

    /// <summary><c>akka.remote.secure-cookie</c>: shared secret both peers must know; empty on both sides disables the
    /// check in effect (the proofs still match). Never sent on the wire: see <c>ControlMessages</c>.</summary>
    public string SecureCookie { get; init; } = string.Empty;

    /// <summary><c>akka.remote.handshake-timeout</c>: bound on TLS plus the association handshake.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary><c>akka.remote.retry-gate-closed-for</c>: the longest wait between reconnect attempts (the backoff cap).</summary>
    public TimeSpan RetryGateClosedFor { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary><c>akka.remote.reconnect-backoff-min</c>: the first wait after a failed attempt; it doubles on every
    /// further failure up to <see cref="RetryGateClosedFor"/>.</summary>
    public TimeSpan ReconnectBackoffMin { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary><c>akka.remote.quarantine-after-silence</c>: a known incarnation that could not be reached for this long,
    /// while there was traffic for it, is quarantined.</summary>
    public TimeSpan QuarantineAfterSilence { get; init; } = TimeSpan.FromDays(2);

    /// <summary><c>akka.remote.outbound-message-queue-size</c>: frames an association buffers before
    /// <see cref="SendResult.QueueFull"/>.</summary>
    public int OutboundMessageQueueSize { get; init; } = 100_000;

    /// <summary><c>akka.remote.flush-wait-on-shutdown</c>: how long disposal lets writers drain and say goodbye.</summary>
    public TimeSpan FlushWaitOnShutdown { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Wire protocol version announced in the handshake; tests change it to exercise the refusal.</summary>
    internal ushort ProtocolVersion { get; init; } = Hello.CurrentVersion;

    /// <summary>Describes the settings without secrets.</summary>
    public override string ToString() =>
        $"RemoteTransportSettings {{ SystemName = {SystemName}, Hostname = {Hostname}, Port = {Port}, PublicHostname = {PublicHostname}, " +
        $"PublicPort = {PublicPort}, MaximumFrameSize = {MaximumFrameSize}, EnableSsl = {EnableSsl}, Ssl = {Ssl}, " +
        $"SecureCookie = {(SecureCookie.Length == 0 ? "(none)" : "***")}, HandshakeTimeout = {HandshakeTimeout}, " +
        $"RetryGateClosedFor = {RetryGateClosedFor}, QuarantineAfterSilence = {QuarantineAfterSilence} }}";
}
