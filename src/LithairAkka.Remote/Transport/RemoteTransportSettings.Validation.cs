using System.Globalization;
using System.Net;
using System.Text;

namespace LithairAkka.Remote.Transport;

public sealed partial record RemoteTransportSettings
{
    private const string Tcp = "akka.remote.dot-netty.tcp.";

    /// <summary>Checks every value; throws on the first invalid one.</summary>
    /// <exception cref="RemoteConfigurationException">A value is out of range; the message names the key.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(SystemName) || Encoding.UTF8.GetByteCount(SystemName) > byte.MaxValue)
        {
            throw new RemoteConfigurationException("akka.system-name", "The actor system name must be 1 to 255 UTF-8 bytes.");
        }

        RequireHost(Tcp + "hostname", Hostname, allowEmpty: false);
        RequireHost(Tcp + "public-hostname", PublicHostname, allowEmpty: true);
        RequireRange(Tcp + "port", Port, 0, 65535);
        RequireRange(Tcp + "public-port", PublicPort, 0, 65535);
        if (PublicHostname.Length == 0 && IPAddress.TryParse(Hostname, out var bind)
            && (bind.Equals(IPAddress.Any) || bind.Equals(IPAddress.IPv6Any)))
        {
            throw new RemoteConfigurationException(Tcp + "public-hostname",
                $"{Tcp}public-hostname must be set when {Tcp}hostname is the wildcard address '{Hostname}'");
        }

        RequireRange(Tcp + "maximum-frame-size", MaximumFrameSize, 32_000, 1 << 30);
        RequireRange(Tcp + "send-buffer-size", SendBufferSize, 1024, int.MaxValue);
        RequireRange(Tcp + "receive-buffer-size", ReceiveBufferSize, 1024, int.MaxValue);
        RequireRange(Tcp + "backlog", Backlog, 1, 65535);
        RequirePositive(Tcp + "connection-timeout", ConnectionTimeout);
        RequirePositive("akka.remote.handshake-timeout", HandshakeTimeout);
        RequirePositive("akka.remote.retry-gate-closed-for", RetryGateClosedFor);
        RequirePositive("akka.remote.reconnect-backoff-min", ReconnectBackoffMin);
        if (ReconnectBackoffMin > RetryGateClosedFor)
        {
            throw new RemoteConfigurationException("akka.remote.reconnect-backoff-min",
                $"akka.remote.reconnect-backoff-min ({ReconnectBackoffMin}) must not exceed akka.remote.retry-gate-closed-for ({RetryGateClosedFor})");
        }

        RequirePositive("akka.remote.quarantine-after-silence", QuarantineAfterSilence);
        RequireRange("akka.remote.outbound-message-queue-size", OutboundMessageQueueSize, 1, int.MaxValue);
        if (FlushWaitOnShutdown < TimeSpan.Zero)
        {
            throw new RemoteConfigurationException("akka.remote.flush-wait-on-shutdown",
                "akka.remote.flush-wait-on-shutdown must be a duration of 0 or more, e.g. 2s");
        }

        if (EnableSsl)
        {
            ValidateSsl();
        }
    }

    private void ValidateSsl()
    {
        const string ssl = Tcp + "ssl.";
        if (string.IsNullOrWhiteSpace(Ssl.CertificatePath))
        {
            throw new RemoteConfigurationException(ssl + "certificate.path",
                $"{ssl}certificate.path must name a PEM or PFX file when {Tcp}enable-ssl = on");
        }

        RequireFile(ssl + "certificate.path", Ssl.CertificatePath);
        if (Ssl.CertificateKeyPath.Length > 0)
        {
            RequireFile(ssl + "certificate.key-path", Ssl.CertificateKeyPath);
        }

        if (Ssl.CaCertificatePath.Length > 0)
        {
            RequireFile(ssl + "ca-certificate-path", Ssl.CaCertificatePath);
        }

        if (Ssl.CaCertificatePath.Length == 0 && Ssl.TrustedCertificates.Count == 0 && !Ssl.SuppressValidation)
        {
            throw new RemoteConfigurationException(ssl + "ca-certificate-path",
                $"{ssl}ca-certificate-path or {ssl}trusted-certificates must be set when {Tcp}enable-ssl = on (or suppress-validation = true)");
        }

        foreach (var thumbprint in Ssl.TrustedCertificates)
        {
            var hex = Tls.TlsContext.NormalizeThumbprint(thumbprint);
            if (hex.Length is not (40 or 64) || !hex.All(char.IsAsciiHexDigit))
            {
                throw new RemoteConfigurationException(ssl + "trusted-certificates",
                    $"{ssl}trusted-certificates entry '{thumbprint}' must be a SHA-1 (40 hex digits) or SHA-256 (64 hex digits) thumbprint");
            }
        }
    }

    private static void RequireRange(string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            throw new RemoteConfigurationException(key,
                string.Create(CultureInfo.InvariantCulture, $"{key} must be between {min} and {max} (was {value})"));
        }
    }

    private static void RequirePositive(string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new RemoteConfigurationException(key, $"{key} must be a positive duration, e.g. 5s (was {value})");
        }
    }

    private static void RequireHost(string key, string value, bool allowEmpty)
    {
        if ((value.Length == 0 && !allowEmpty) || Encoding.UTF8.GetByteCount(value) > byte.MaxValue
            || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new RemoteConfigurationException(key, $"{key} must be a host name or IP address of at most 255 bytes (was '{value}')");
        }
    }

    private static void RequireFile(string key, string path)
    {
        if (!File.Exists(path))
        {
            throw new RemoteConfigurationException(key, $"{key} names a file that does not exist: '{path}'");
        }
    }
}
