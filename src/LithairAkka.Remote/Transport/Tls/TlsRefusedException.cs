namespace LithairAkka.Remote.Transport.Tls;

/// <summary>This node refused the peer's TLS certificate; the message says why.</summary>
internal sealed class TlsRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TlsRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
