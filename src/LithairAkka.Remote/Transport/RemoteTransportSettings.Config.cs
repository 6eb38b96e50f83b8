using System.Globalization;
using LithairAkka.Hocon;
using LithairAkka.Remote.Transport.Tls;

namespace LithairAkka.Remote.Transport;

public sealed partial record RemoteTransportSettings
{
    private const string Remote = "akka.remote.";
    private const string SslKey = Tcp + "ssl.";

    /// <summary>
    /// Binds the <c>akka.remote</c> section of <paramref name="config"/> (absolute paths; a missing key takes the
    /// default of <c>hocon/reference.conf</c>) and validates the result.
    /// </summary>
    /// <param name="config">The node's configuration (root).</param>
    /// <param name="systemName">The actor system's name, checked in every handshake.</param>
    /// <exception cref="ConfigurationException">A key has the wrong type or an invalid value; the message names it
    /// (<see cref="RemoteConfigurationException"/> for range checks).</exception>
    public static RemoteTransportSettings FromConfig(Config config, string systemName = "lithair")
    {
        ArgumentNullException.ThrowIfNull(config);
        var d = new RemoteTransportSettings();
        var settings = new RemoteTransportSettings
        {
            SystemName = systemName,
            Hostname = config.GetString(Tcp + "hostname", d.Hostname),
            Port = config.GetInt(Tcp + "port", d.Port),
            PublicHostname = config.GetString(Tcp + "public-hostname", d.PublicHostname),
            PublicPort = config.GetInt(Tcp + "public-port", d.PublicPort),
            MaximumFrameSize = GetSize(config, Tcp + "maximum-frame-size", d.MaximumFrameSize),
            SendBufferSize = GetSize(config, Tcp + "send-buffer-size", d.SendBufferSize),
            ReceiveBufferSize = GetSize(config, Tcp + "receive-buffer-size", d.ReceiveBufferSize),
            TcpNoDelay = config.GetBoolean(Tcp + "tcp-nodelay", d.TcpNoDelay),
            TcpKeepAlive = config.GetBoolean(Tcp + "tcp-keepalive", d.TcpKeepAlive),
            Backlog = config.GetInt(Tcp + "backlog", d.Backlog),
            ConnectionTimeout = config.GetTimeSpan(Tcp + "connection-timeout", d.ConnectionTimeout),
            EnableSsl = config.GetBoolean(Tcp + "enable-ssl", d.EnableSsl),
            Ssl = new TlsSettings
            {
                CertificatePath = config.GetString(SslKey + "certificate.path", string.Empty),
                CertificatePassword = config.GetString(SslKey + "certificate.password", string.Empty),
                CertificateKeyPath = config.GetString(SslKey + "certificate.key-path", string.Empty),
                CaCertificatePath = config.GetString(SslKey + "ca-certificate-path", string.Empty),
                TrustedCertificates = config.GetStringList(SslKey + "trusted-certificates", []),
                SuppressValidation = config.GetBoolean(SslKey + "suppress-validation", false),
            },
            SecureCookie = config.GetString(Remote + "secure-cookie", d.SecureCookie),
            HandshakeTimeout = config.GetTimeSpan(Remote + "handshake-timeout", d.HandshakeTimeout),
            RetryGateClosedFor = config.GetTimeSpan(Remote + "retry-gate-closed-for", d.RetryGateClosedFor),
            ReconnectBackoffMin = config.GetTimeSpan(Remote + "reconnect-backoff-min", d.ReconnectBackoffMin),
            QuarantineAfterSilence = config.GetTimeSpan(Remote + "quarantine-after-silence", d.QuarantineAfterSilence),
            OutboundMessageQueueSize = config.GetInt(Remote + "outbound-message-queue-size", d.OutboundMessageQueueSize),
            FlushWaitOnShutdown = config.GetTimeSpan(Remote + "flush-wait-on-shutdown", d.FlushWaitOnShutdown),
        };
        settings.Validate();
        return settings;
    }

    private static int GetSize(Config config, string key, int defaultValue)
    {
        var bytes = config.GetByteSize(key, defaultValue);
        return bytes is >= 0 and <= int.MaxValue
            ? (int)bytes
            : throw new RemoteConfigurationException(key,
                string.Create(CultureInfo.InvariantCulture, $"{key} must be a size between 0 and {int.MaxValue} bytes, e.g. 128000b (was {bytes})"));
    }
}
