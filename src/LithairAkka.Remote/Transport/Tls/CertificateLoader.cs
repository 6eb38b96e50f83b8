using System.Security.Cryptography.X509Certificates;

namespace LithairAkka.Remote.Transport.Tls;

/// <summary>Loads the node certificate and CA certificates named in <see cref="TlsSettings"/>.</summary>
internal static class CertificateLoader
{
    private const string Key = "akka.remote.dot-netty.tcp.ssl.";

    /// <summary>Loads the node's certificate with its private key from a PFX/PKCS#12 or PEM file.</summary>
    /// <exception cref="RemoteConfigurationException">The file cannot be read or holds no private key.</exception>
    public static X509Certificate2 LoadNodeCertificate(TlsSettings settings)
    {
        var path = settings.CertificatePath;
        try
        {
            X509Certificate2 certificate;
            if (IsPkcs12(path))
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, settings.CertificatePassword.Length == 0 ? null : settings.CertificatePassword);
            }
            else
            {
                var keyPath = settings.CertificateKeyPath.Length == 0 ? null : settings.CertificateKeyPath;
                using var pem = settings.CertificatePassword.Length == 0
                    ? X509Certificate2.CreateFromPemFile(path, keyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, settings.CertificatePassword, keyPath);

                // An ephemeral PEM key cannot back a TLS server credential on every platform; a PKCS#12 round trip gives a persisted one.
                certificate = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
            }

            if (!certificate.HasPrivateKey)
            {
                certificate.Dispose();
                throw new RemoteConfigurationException(Key + "certificate.path", $"{Key}certificate.path '{path}' holds no private key");
            }

            return certificate;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException or ArgumentException)
        {
            throw new RemoteConfigurationException(Key + "certificate.path",
                $"{Key}certificate.path '{path}' could not be loaded (check the file and {Key}certificate.password): {e.Message}", e);
        }
    }

    /// <summary>Loads every certificate of a PEM file of CA certificates.</summary>
    /// <exception cref="RemoteConfigurationException">The file cannot be read or holds no certificate.</exception>
    public static X509Certificate2Collection LoadCaCertificates(string path)
    {
        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException)
        {
            throw new RemoteConfigurationException(Key + "ca-certificate-path", $"{Key}ca-certificate-path '{path}' could not be loaded: {e.Message}", e);
        }

        if (collection.Count == 0)
        {
            throw new RemoteConfigurationException(Key + "ca-certificate-path", $"{Key}ca-certificate-path '{path}' holds no PEM certificate");
        }

        return collection;
    }

    private static bool IsPkcs12(string path) =>
        path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase);
}
