namespace LithairAkka.Cmd.Protocol;

/// <summary>The peer broke the pbm protocol (malformed frame, unexpected frame, version mismatch); the connection is unusable.</summary>
public sealed class CmdProtocolException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CmdProtocolException()
    {
    }

    /// <summary>Creates the exception with a message saying what was wrong.</summary>
    public CmdProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public CmdProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
