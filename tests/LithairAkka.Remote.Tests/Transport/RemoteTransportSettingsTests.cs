using LithairAkka.Hocon;
using LithairAkka.Remote.Transport;
using LithairAkka.Remote.Transport.Tls;

namespace LithairAkka.Remote.Tests.Transport;

public sealed class RemoteTransportSettingsTests
{
    [Fact]
    public void FromConfig_ReferenceSection_EqualsTheDefaults()
    {
        // The embedded reference.conf every node layers its configuration over.
        var config = LithairAkka.Actors.ActorSystem.ReferenceConfig;

        var settings = RemoteTransportSettings.FromConfig(config, "lithair");

        var defaults = new RemoteTransportSettings();
        Assert.Equal(defaults.Hostname, settings.Hostname);
        Assert.Equal(4053, settings.Port);
        Assert.Equal(128000, settings.MaximumFrameSize);
        Assert.Equal(defaults.SendBufferSize, settings.SendBufferSize);
        Assert.Equal(defaults.ReceiveBufferSize, settings.ReceiveBufferSize);
        Assert.True(settings.TcpNoDelay);
        Assert.Equal(defaults.HandshakeTimeout, settings.HandshakeTimeout);
        Assert.Equal(defaults.RetryGateClosedFor, settings.RetryGateClosedFor);
        Assert.Equal(defaults.ReconnectBackoffMin, settings.ReconnectBackoffMin);
        Assert.Equal(TimeSpan.FromDays(2), settings.QuarantineAfterSilence);
        Assert.Equal(defaults.OutboundMessageQueueSize, settings.OutboundMessageQueueSize);
        Assert.Equal(defaults.FlushWaitOnShutdown, settings.FlushWaitOnShutdown);
        Assert.Equal(defaults.ConnectionTimeout, settings.ConnectionTimeout);
        Assert.False(settings.EnableSsl);
        Assert.Empty(settings.SecureCookie);
    }

    [Fact]
    public void FromConfig_OverriddenKeys_AreBound()
    {
        var config = ConfigurationFactory.ParseString("""
            akka.remote {
              secure-cookie = "s3cret"
              handshake-timeout = 3s
              retry-gate-closed-for = 1s
              dot-netty.tcp {
                hostname = "0.0.0.0"
                public-hostname = "node-1.example"
                port = 4054
                maximum-frame-size = 256KiB
                tcp-nodelay = off
                ssl.trusted-certificates = ["AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD"]
              }
            }
            """);

        var settings = RemoteTransportSettings.FromConfig(config, "cluster");

        Assert.Equal("cluster", settings.SystemName);
        Assert.Equal("s3cret", settings.SecureCookie);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.HandshakeTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.RetryGateClosedFor);
        Assert.Equal("node-1.example", settings.PublicHostname);
        Assert.Equal(4054, settings.Port);
        Assert.Equal(256 * 1024, settings.MaximumFrameSize);
        Assert.False(settings.TcpNoDelay);
        Assert.Single(settings.Ssl.TrustedCertificates);
    }

    [Theory]
    [InlineData("akka.remote.dot-netty.tcp.port = 70000", "akka.remote.dot-netty.tcp.port must be between 0 and 65535")]
    [InlineData("akka.remote.dot-netty.tcp.port = -1", "akka.remote.dot-netty.tcp.port must be between 0 and 65535")]
    [InlineData("akka.remote.dot-netty.tcp.maximum-frame-size = 1000b", "akka.remote.dot-netty.tcp.maximum-frame-size must be between 32000")]
    [InlineData("akka.remote.handshake-timeout = 0s", "akka.remote.handshake-timeout must be a positive duration")]
    [InlineData("akka.remote.reconnect-backoff-min = 10s", "akka.remote.reconnect-backoff-min (00:00:10) must not exceed")]
    [InlineData("akka.remote.dot-netty.tcp.hostname = \"0.0.0.0\"", "akka.remote.dot-netty.tcp.public-hostname must be set")]
    [InlineData("akka.remote.dot-netty.tcp.enable-ssl = on", "akka.remote.dot-netty.tcp.ssl.certificate.path must name a PEM or PFX file")]
    [InlineData("akka.remote.outbound-message-queue-size = 0", "akka.remote.outbound-message-queue-size must be between 1")]
    public void FromConfig_InvalidValue_ThrowsNamingTheKey(string hocon, string expected)
    {
        var config = ConfigurationFactory.ParseString(hocon);

        var error = Assert.Throws<RemoteConfigurationException>(() => RemoteTransportSettings.FromConfig(config));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(error.Key, expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SslWithoutAnyTrust_ThrowsNamingCaCertificatePath()
    {
        var certificate = Path.GetTempFileName();
        try
        {
            var settings = new RemoteTransportSettings { EnableSsl = true, Ssl = new TlsSettings { CertificatePath = certificate } };

            var error = Assert.Throws<RemoteConfigurationException>(settings.Validate);

            Assert.Equal("akka.remote.dot-netty.tcp.ssl.ca-certificate-path", error.Key);
        }
        finally
        {
            File.Delete(certificate);
        }
    }

    [Fact]
    public void Validate_MalformedThumbprint_ThrowsNamingTrustedCertificates()
    {
        var certificate = Path.GetTempFileName();
        try
        {
            var settings = new RemoteTransportSettings
            {
                EnableSsl = true,
                Ssl = new TlsSettings { CertificatePath = certificate, TrustedCertificates = ["not-hex"] },
            };

            var error = Assert.Throws<RemoteConfigurationException>(settings.Validate);

            Assert.Equal("akka.remote.dot-netty.tcp.ssl.trusted-certificates", error.Key);
        }
        finally
        {
            File.Delete(certificate);
        }
    }

    [Fact]
    public void ToString_WithSecrets_RedactsThem()
    {
        var settings = new RemoteTransportSettings { SecureCookie = "top-secret", Ssl = new TlsSettings { CertificatePassword = "hunter2" } };

        var text = settings.ToString();

        Assert.DoesNotContain("top-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
    }
}
