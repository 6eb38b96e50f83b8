using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LithairAkka.Remote.Tests.Transport.Support;

/// <summary>
/// A throw-away PKI made with <see cref="CertificateRequest"/>: a CA, leaf certificates it signs (written as
/// password-protected PFX and as PEM), and self-signed certificates nobody trusts. Files live in a temp folder
/// deleted on dispose.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");
    private readonly ECDsa _caKey;

    public TestCertificates()
    {
        Folder = Directory.CreateTempSubdirectory("lithair-remote-tls-").FullName;
        _caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=LithairAkka Test CA", _caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        CaPemPath = Path.Combine(Folder, "ca.pem");
        File.WriteAllText(CaPemPath, Ca.ExportCertificatePem());
        LeafPfx = IssueLeafPfx("node-pfx", "pfx-secret");
        LeafPem = IssueLeafPem("node-pem");
        Rogue = SelfSignedPem("rogue");
        OtherSelfSigned = SelfSignedPem("pinned");
    }

    public string Folder { get; }

    public X509Certificate2 Ca { get; }

    public string CaPemPath { get; }

    /// <summary>CA-signed leaf as PFX with a password.</summary>
    public (string Path, string Password, string Thumbprint) LeafPfx { get; }

    /// <summary>CA-signed leaf as one PEM file holding the certificate and its key.</summary>
    public (string Path, string Thumbprint) LeafPem { get; }

    /// <summary>Self-signed, untrusted.</summary>
    public (string Path, string Thumbprint) Rogue { get; }

    /// <summary>Self-signed, for pinning tests.</summary>
    public (string Path, string Thumbprint) OtherSelfSigned { get; }

    public (string Path, string Password, string Thumbprint) IssueLeafPfx(string name, string password)
    {
        using var leaf = IssueLeaf(name);
        var path = Path.Combine(Folder, name + ".pfx");
        File.WriteAllBytes(path, leaf.Export(X509ContentType.Pkcs12, password));
        return (path, password, leaf.Thumbprint);
    }

    public (string Path, string Thumbprint) IssueLeafPem(string name)
    {
        using var leaf = IssueLeaf(name);
        var path = Path.Combine(Folder, name + ".pem");
        using var key = leaf.GetECDsaPrivateKey()!;
        File.WriteAllText(path, leaf.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem());
        return (path, leaf.Thumbprint);
    }

    public (string Path, string Thumbprint) SelfSignedPem(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = LeafRequest(name, key);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Folder, name + ".pem");
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem());
        return (path, certificate.Thumbprint);
    }

    public X509Certificate2 IssueLeaf(string name, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = LeafRequest(name, key);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Ca, true, false));
        using var issued = request.Create(Ca, DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddMonths(6), RandomNumberGenerator.GetBytes(16));
        return issued.CopyWithPrivateKey(key);
    }

    public void Dispose()
    {
        Ca.Dispose();
        _caKey.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private static CertificateRequest LeafRequest(string name, ECDsa key)
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuth, ClientAuth], false));
        return request;
    }
}
