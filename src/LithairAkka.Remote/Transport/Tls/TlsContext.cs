using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LithairAkka.Remote.Transport.Tls;

/// <summary>
/// The loaded TLS material of one transport and the peer-certificate policy: a peer is trusted when its
/// certificate's SHA-1 or SHA-256 thumbprint is pinned, or when it chains to one of the configured CA
/// certificates (custom root trust, no revocation check, validity checked at the injected time). Host names
/// are not checked. Thread-safe after construction.
/// </summary>
internal sealed class TlsContext : IDisposable
{
    private readonly X509Certificate2 _certificate;
    private readonly SslStreamCertificateContext _certificateContext;
    private readonly X509Certificate2Collection _caCertificates;
    private readonly HashSet<string> _pinned;
    private readonly bool _suppressValidation;
    private readonly TimeProvider _timeProvider;

    /// <summary>Loads certificates named by <paramref name="settings"/>.</summary>
    /// <exception cref="RemoteConfigurationException">A file cannot be loaded.</exception>
    public TlsContext(TlsSettings settings, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _suppressValidation = settings.SuppressValidation;
        _certificate = CertificateLoader.LoadNodeCertificate(settings);
        _caCertificates = settings.CaCertificatePath.Length == 0 ? [] : CertificateLoader.LoadCaCertificates(settings.CaCertificatePath);
        _pinned = new HashSet<string>(settings.TrustedCertificates.Select(NormalizeThumbprint), StringComparer.Ordinal);
        _certificateContext = SslStreamCertificateContext.Create(_certificate, _caCertificates, offline: true);
    }

    /// <summary>The node certificate's subject, for logs.</summary>
    public string Subject => _certificate.Subject;

    /// <summary>Upper-case hex without separators.</summary>
    public static string NormalizeThumbprint(string thumbprint) =>
        new string([.. thumbprint.Where(char.IsAsciiHexDigit)]).ToUpperInvariant();

    /// <summary>Runs the server side of the TLS handshake, requiring a trusted client certificate.</summary>
    /// <exception cref="TlsRefusedException">The client's certificate is missing or untrusted.</exception>
    public async Task<SslStream> AuthenticateAsServerAsync(Stream inner, CancellationToken token)
    {
        string? refusal = null;
        var stream = new SslStream(inner, leaveInnerStreamOpen: false);
        var options = new SslServerAuthenticationOptions
        {
            ServerCertificateContext = _certificateContext,
            ClientCertificateRequired = true,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            AllowRenegotiation = false,
            RemoteCertificateValidationCallback = (_, certificate, _, _) => Check(certificate, out refusal),
        };
        await AuthenticateAsync(stream, () => stream.AuthenticateAsServerAsync(options, token), () => refusal).ConfigureAwait(false);
        return stream;
    }

    /// <summary>Runs the client side of the TLS handshake, presenting the node certificate and requiring a trusted server.</summary>
    /// <exception cref="TlsRefusedException">The server's certificate is untrusted.</exception>
    public async Task<SslStream> AuthenticateAsClientAsync(Stream inner, string targetHost, CancellationToken token)
    {
        string? refusal = null;
        var stream = new SslStream(inner, leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = targetHost,
            ClientCertificateContext = _certificateContext,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            AllowRenegotiation = false,
            RemoteCertificateValidationCallback = (_, certificate, _, _) => Check(certificate, out refusal),
        };
        await AuthenticateAsync(stream, () => stream.AuthenticateAsClientAsync(options, token), () => refusal).ConfigureAwait(false);
        return stream;
    }

    /// <summary>Applies the trust policy; <paramref name="refusal"/> says why a certificate is refused.</summary>
    public bool Check(X509Certificate? presented, out string? refusal)
    {
        refusal = null;
        if (presented is null)
        {
            refusal = "peer presented no certificate";
            return false;
        }

        if (_suppressValidation)
        {
            return true;
        }

        using var owned = presented as X509Certificate2 is null ? X509CertificateLoader.LoadCertificate(presented.GetRawCertData()) : null;
        var certificate = owned ?? (X509Certificate2)presented;
        if (_pinned.Count > 0
            && (_pinned.Contains(certificate.Thumbprint.ToUpperInvariant())
                || _pinned.Contains(certificate.GetCertHashString(HashAlgorithmName.SHA256).ToUpperInvariant())))
        {
            return true;
        }

        if (_caCertificates.Count > 0)
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(_caCertificates);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.VerificationTime = _timeProvider.GetUtcNow().UtcDateTime;
            chain.ChainPolicy.VerificationTimeIgnored = false;
            if (chain.Build(certificate))
            {
                return true;
            }

            var status = string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());
            refusal = $"untrusted certificate '{certificate.Subject}' (thumbprint {certificate.Thumbprint}): chain to the configured CA failed: {status}";
            return false;
        }

        refusal = $"untrusted certificate '{certificate.Subject}' (thumbprint {certificate.Thumbprint}): not in trusted-certificates";
        return false;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _certificate.Dispose();
        foreach (var ca in _caCertificates)
        {
            ca.Dispose();
        }
    }

    private static async Task AuthenticateAsync(SslStream stream, Func<Task> authenticate, Func<string?> refusal)
    {
        try
        {
            await authenticate().ConfigureAwait(false);
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            if (refusal() is { } reason)
            {
                throw new TlsRefusedException(reason, e);
            }

            throw;
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
