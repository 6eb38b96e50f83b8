using LithairAkka.Cluster.NodeHost;
using LithairAkka.Remote.Tests.Transport.Support;

namespace LithairAkka.Cluster.MultiNode.Tests;

/// <summary>A cluster whose remoting runs over TLS with mutual authentication: members get in, an untrusted peer does not.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly TestCertificates _certificates = new();

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public async Task Join_OverMutualTls_TrustedNodesFormUntrustedPeerIsRefused()
    {
        var first = _certificates.IssueLeafPem("member-1");
        var second = _certificates.IssueLeafPem("member-2");
        await using var seed = await ChildNode.StartAsync(["--seeds", "self", "--tls-cert", first.Path, "--tls-ca", _certificates.CaPemPath], Timeouts.Form);
        await using var member = await ChildNode.StartAsync(["--seeds", seed.Endpoint, "--tls-cert", second.Path, "--tls-ca", _certificates.CaPemPath], Timeouts.Form);
        await ClusterOfChildren.AwaitAllUpAsync([seed, member], Timeouts.Form);

        // Same CA file, but its own certificate is self-signed: the members refuse the TLS handshake.
        await using var rogue = await ChildNode.StartAsync(["--seeds", seed.Endpoint, "--tls-cert", _certificates.Rogue.Path, "--tls-ca", _certificates.CaPemPath], Timeouts.Form);

        await Assert.ThrowsAsync<TimeoutException>(() => rogue.AwaitLineAsync(l => l == "SELFUP", Timeouts.Refused));
        var state = await seed.QueryStateAsync(Timeouts.Form);
        Assert.DoesNotContain(rogue.Address, state, StringComparison.Ordinal);
        Assert.Equal(2, state.Split("=Up").Length - 1);
    }
}
