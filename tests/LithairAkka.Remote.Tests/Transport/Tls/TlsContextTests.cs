using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LithairAkka.Remote.Tests.Transport.Support;
using LithairAkka.Remote.Transport;
using LithairAkka.Remote.Transport.Tls;

namespace LithairAkka.Remote.Tests.Transport.Tls;

public sealed class TlsContextTests(TestCertificates certificates) : IClassFixture<TestCertificates>
{
    [Fact]
    public void Check_CaSignedCertificate_Trusted()
    {
        using var context = new TlsContext(CaTrust(), TimeProvider.System);
        using var leaf = certificates.IssueLeaf("peer");

        Assert.True(context.Check(leaf, out var refusal), refusal);
    }

    [Fact]
    public void Check_SelfSignedCertificate_RefusedWithAReason()
    {
        using var context = new TlsContext(CaTrust(), TimeProvider.System);
        using var rogue = X509Certificate2.CreateFromPemFile(certificates.Rogue.Path);

        Assert.False(context.Check(rogue, out var refusal));

        Assert.Contains("untrusted certificate 'CN=rogue'", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NoCertificate_Refused()
    {
        using var context = new TlsContext(CaTrust(), TimeProvider.System);

        Assert.False(context.Check(null, out var refusal));

        Assert.Equal("peer presented no certificate", refusal);
    }

    [Fact]
    public void Check_ExpiredAtTheInjectedTime_Refused()
    {
        using var leaf = certificates.IssueLeaf("short-lived", DateTimeOffset.UtcNow.AddDays(1));
        using var context = new TlsContext(CaTrust(), new FixedTime(DateTimeOffset.UtcNow.AddDays(30)));

        Assert.False(context.Check(leaf, out var refusal));

        Assert.Contains("NotTimeValid", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PinnedSha256Thumbprint_TrustedWithoutCa()
    {
        using var rogue = X509Certificate2.CreateFromPemFile(certificates.Rogue.Path);
        var sha256 = rogue.GetCertHashString(HashAlgorithmName.SHA256);
        using var context = new TlsContext(
            new TlsSettings { CertificatePath = certificates.LeafPem.Path, TrustedCertificates = [string.Join(':', sha256.Chunk(2).Select(c => new string(c)))] },
            TimeProvider.System);

        Assert.True(context.Check(rogue, out var refusal), refusal);
    }

    [Fact]
    public void Check_SuppressValidation_AcceptsAnything()
    {
        using var context = new TlsContext(CaTrust() with { SuppressValidation = true }, TimeProvider.System);
        using var rogue = X509Certificate2.CreateFromPemFile(certificates.Rogue.Path);

        Assert.True(context.Check(rogue, out _));
    }

    [Fact]
    public void Constructor_WrongPfxPassword_ThrowsNamingTheKey()
    {
        var settings = new TlsSettings { CertificatePath = certificates.LeafPfx.Path, CertificatePassword = "wrong", CaCertificatePath = certificates.CaPemPath };

        var error = Assert.Throws<RemoteConfigurationException>(() => new TlsContext(settings, TimeProvider.System));

        Assert.Equal("akka.remote.dot-netty.tcp.ssl.certificate.path", error.Key);
    }

    [Fact]
    public void Constructor_PemWithoutKey_ThrowsNamingTheKey()
    {
        var settings = new TlsSettings { CertificatePath = certificates.CaPemPath, CaCertificatePath = certificates.CaPemPath };

        var error = Assert.Throws<RemoteConfigurationException>(() => new TlsContext(settings, TimeProvider.System));

        Assert.Equal("akka.remote.dot-netty.tcp.ssl.certificate.path", error.Key);
    }

    private TlsSettings CaTrust() => new() { CertificatePath = certificates.LeafPem.Path, CaCertificatePath = certificates.CaPemPath };

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
