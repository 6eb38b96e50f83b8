namespace LithairAkka.Remote.Transport.Tls;

/// <summary>
/// <c>akka.remote.dot-netty.tcp.ssl</c>: the node's own certificate and how peers' certificates are trusted.
/// Both sides of every connection present a certificate (mutual authentication). A peer is trusted when its
/// certificate's thumbprint is pinned in <see cref="TrustedCertificates"/>, or when it chains to a CA certificate
/// read from <see cref="CaCertificatePath"/>. Host names are not checked: nodes are identified by certificate,
/// not by DNS.
/// </summary>
public sealed record TlsSettings
{
    /// <summary>Settings with nothing configured (TLS unusable until a certificate is set).</summary>
    public static TlsSettings Default { get; } = new();

    /// <summary><c>ssl.certificate.path</c>: a PKCS#12 file (<c>.pfx</c>/<c>.p12</c>) or a PEM file holding the
    /// certificate (and, unless <see cref="CertificateKeyPath"/> is set, its private key).</summary>
    public string CertificatePath { get; init; } = string.Empty;

    /// <summary><c>ssl.certificate.password</c>: the PKCS#12 password, or the password of an encrypted PEM key.</summary>
    public string CertificatePassword { get; init; } = string.Empty;

    /// <summary><c>ssl.certificate.key-path</c>: a separate PEM private-key file; empty when the key is in <see cref="CertificatePath"/>.</summary>
    public string CertificateKeyPath { get; init; } = string.Empty;

    /// <summary><c>ssl.ca-certificate-path</c>: PEM file with one or more CA certificates that peers' certificates must chain to.</summary>
    public string CaCertificatePath { get; init; } = string.Empty;

    /// <summary><c>ssl.trusted-certificates</c>: pinned peer certificate thumbprints (SHA-1 or SHA-256, hex, case and
    /// separators ignored). A pinned certificate is trusted even without a CA.</summary>
    public IReadOnlyList<string> TrustedCertificates { get; init; } = [];

    /// <summary><c>ssl.suppress-validation</c>: accept any peer certificate. For debugging only; a warning is logged at start.</summary>
    public bool SuppressValidation { get; init; }

    /// <summary>Describes the settings without the password.</summary>
    public override string ToString() =>
        $"TlsSettings {{ CertificatePath = {CertificatePath}, CertificateKeyPath = {CertificateKeyPath}, CaCertificatePath = {CaCertificatePath}, " +
        $"TrustedCertificates = {TrustedCertificates.Count}, SuppressValidation = {SuppressValidation}, CertificatePassword = *** }}";
}
