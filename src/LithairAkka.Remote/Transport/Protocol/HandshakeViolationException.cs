namespace LithairAkka.Remote.Transport.Protocol;

/// <summary>The peer broke the handshake protocol or vanished during it.</summary>
internal sealed class HandshakeViolationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HandshakeViolationException(string message)
        : base(message)
    {
    }
}
