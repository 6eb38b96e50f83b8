using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using LithairAkka.Remote.Tests.Transport.Support;
using LithairAkka.Remote.Transport;
using LithairAkka.Remote.Transport.Tls;
using Microsoft.Extensions.Logging;

namespace LithairAkka.Remote.Tests.Transport;

/// <summary>
/// The transport contract over TLS with mutual authentication (even nodes load a password-protected PFX,
/// odd nodes a PEM; both trust the test CA), plus the TLS-only refusals.
/// </summary>
public sealed class TlsTransportTests(TestCertificates certificates) : TransportContractTests, IClassFixture<TestCertificates>
{
    protected override RemoteTransportSettings Secure(RemoteTransportSettings settings, int nodeIndex) => settings with
    {
        EnableSsl = true,
        Ssl = nodeIndex % 2 == 0
            ? new TlsSettings { CertificatePath = certificates.LeafPfx.Path, CertificatePassword = certificates.LeafPfx.Password, CaCertificatePath = certificates.CaPemPath }
            : new TlsSettings { CertificatePath = certificates.LeafPem.Path, CaCertificatePath = certificates.CaPemPath },
    };

    protected override async Task<Stream> WrapRawClientAsync(Stream stream)
    {
        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        var leaf = X509CertificateLoader.LoadPkcs12FromFile(certificates.LeafPfx.Path, certificates.LeafPfx.Password);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "127.0.0.1",
            ClientCertificates = [leaf],
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        });
        return tls;
    }

    [Fact]
    public async Task Tls_ClientWithAnUntrustedCertificate_IsRefusedByTheServer()
    {
        var a = await StartAsync();
        var rogue = await StartAsync(Rogue);

        rogue.Transport.TrySend(a.Address, "let me in"u8);

        await Eventually.HoldsAsync(() => a.Transport.Statistics.RefusedHandshakes >= 1, "A refused the rogue");
        Assert.True(a.Logs.Contains(LogLevel.Warning, "Refused association from 127.0.0.1:"), a.Logs.Dump());
        Assert.True(a.Logs.Contains(LogLevel.Warning, "untrusted certificate 'CN=rogue'"), a.Logs.Dump());
        await Eventually.HoldsAsync(() => rogue.Logs.Count("Association to") >= 1, "the rogue's attempt failed");
        Assert.Empty(a.EventsOf<AssociatedEvent>());
        Assert.Empty(rogue.EventsOf<AssociatedEvent>());
        Assert.Equal(0, a.ReceivedCount);
    }

    [Fact]
    public async Task Tls_ServerWithAnUntrustedCertificate_IsRefusedByTheClient()
    {
        var a = await StartAsync();
        var rogue = await StartAsync(Rogue);

        a.Transport.TrySend(rogue.Address, "secret"u8);

        await Eventually.HoldsAsync(() => a.Transport.Statistics.RefusedHandshakes >= 1, "A refused the rogue server");
        Assert.True(a.Logs.Contains(LogLevel.Warning, $"Refused association to {rogue.Address}: untrusted certificate 'CN=rogue'"), a.Logs.Dump());
        Assert.Empty(a.EventsOf<AssociatedEvent>());
        Assert.Empty(rogue.EventsOf<AssociatedEvent>());
        Assert.Equal(0, rogue.ReceivedCount);
    }

    [Fact]
    public async Task Tls_PinnedThumbprintsWithoutACa_Associate()
    {
        var pinned = await StartAsync(s => s with
        {
            Ssl = new TlsSettings { CertificatePath = certificates.OtherSelfSigned.Path, TrustedCertificates = [certificates.LeafPem.Thumbprint] },
        });
        var b = await StartAsync(s => s with
        {
            Ssl = new TlsSettings { CertificatePath = certificates.LeafPem.Path, TrustedCertificates = [certificates.OtherSelfSigned.Thumbprint.ToLowerInvariant()] },
        });

        await AssociateAsync(pinned, b);

        Assert.Equal(0, b.Transport.Statistics.RefusedHandshakes);
    }

    [Fact]
    public async Task Tls_PlainTcpPeer_CannotAssociate()
    {
        var a = await StartAsync();
        var plain = await StartAsync(s => s with { EnableSsl = false });

        plain.Transport.TrySend(a.Address, "hello"u8);

        await Eventually.HoldsAsync(() => a.Logs.Count("failed during the handshake") >= 1, "A dropped the plain peer");
        Assert.Empty(a.EventsOf<AssociatedEvent>());
        Assert.Equal(0, a.ReceivedCount);
    }

    private RemoteTransportSettings Rogue(RemoteTransportSettings settings) => settings with
    {
        Ssl = new TlsSettings { CertificatePath = certificates.Rogue.Path, CaCertificatePath = certificates.CaPemPath },
    };
}
