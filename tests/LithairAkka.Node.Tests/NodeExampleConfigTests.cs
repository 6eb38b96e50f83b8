using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LithairAkka.Node.Tests;

/// <summary>The configurations of <c>hocon/examples/</c>: each one loads (<c>--check-config</c>), and the TLS one runs.</summary>
[Collection(nameof(NodeProgramTests))]
public sealed class NodeExampleConfigTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lithair-examples-" + Guid.NewGuid().ToString("N"));

    public NodeExampleConfigTests() => Directory.CreateDirectory(_directory);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A killed node may still be releasing files; the temp directory is reclaimed later.
        }
    }

    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "hocon", "examples", name);

    [Theory]
    [InlineData("loopback-3-nodes.conf", "1", "log store sqlite")]
    [InlineData("postgresql-3-nodes.conf", "2", "log store postgresql (Host=127.0.0.1;Port=5432;Username=lithair;Database=lithair_node_0)")]
    public async Task CheckConfig_Example_ExitsZeroWithSummary(string example, string nodeId, string expected)
    {
        await using var node = NodeProcess.Start(
            _directory, NodeProcess.FreePorts(), "--config", Example(example), "--node-id", nodeId, "--data", Path.Combine(_directory, "data"), "--check-config");

        Assert.Equal(0, await node.WaitForExitAsync());
        var line = Assert.Single(node.StandardOutput);
        Assert.StartsWith("lithair-node: configuration OK: node " + nodeId, line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Contains("peers ", line, StringComparison.Ordinal);
        Assert.Empty(node.StandardError);
    }

    [Fact]
    public async Task CheckConfig_TlsExampleWithoutCertificates_ExitsTwoNamingTheKey()
    {
        await using var node = NodeProcess.Start(
            _directory, NodeProcess.FreePorts(), "--config", Example("tls-3-nodes.conf"), "--data", Path.Combine(_directory, "data"), "--check-config");

        Assert.Equal(2, await node.WaitForExitAsync());
        Assert.Contains("akka.remote.dot-netty.tcp.ssl", Assert.Single(node.StandardError), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_TlsExampleWithCertificates_ServesWrites()
    {
        var (certificate, ca) = IssueCertificates();
        var environment = new Dictionary<string, string> { ["LITHAIR_TLS_CERTIFICATE"] = certificate, ["LITHAIR_TLS_CA"] = ca };

        // One voter: the example's three-node peer list is replaced, the TLS remoting section is the example's.
        await using var node = NodeProcess.Start(
            _directory, NodeProcess.FreePorts(), environment, "--config", Example("tls-3-nodes.conf"), "--peers", string.Empty, "--data", Path.Combine(_directory, "data"));
        await node.AwaitReadyAsync();

        using var put = await node.Data.PutAsync("/kv/over-tls", new StringContent("v"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    // A CA and a node certificate it signs, as PEM files (certificate and key in one file).
    private (string Certificate, string Ca) IssueCertificates()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Example CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=node-0", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        using var leaf = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), RandomNumberGenerator.GetBytes(16));
        var certificatePath = Path.Combine(_directory, "node-0.pem");
        var caPath = Path.Combine(_directory, "ca.pem");
        File.WriteAllText(certificatePath, leaf.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(caPath, ca.ExportCertificatePem());
        return (certificatePath, caPath);
    }
}
