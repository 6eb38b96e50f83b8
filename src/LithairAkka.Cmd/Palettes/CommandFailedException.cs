namespace LithairAkka.Cmd.Palettes;

/// <summary>
/// Thrown by a handler to fail its command with one clear line for the user (e.g. "this node is not the leader");
/// the client prints the message and exits with <see cref="Protocol.CmdExitCodes.CommandFailed"/>.
/// </summary>
public sealed class CommandFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CommandFailedException()
    {
    }

    /// <summary>Creates the exception with the line shown to the user.</summary>
    public CommandFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the line shown to the user and the underlying cause.</summary>
    public CommandFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
