namespace LithairAkka.Cmd.Protocol;

/// <summary>Exit codes of a command, sent in <see cref="CompletedMessage"/> and used by the <c>pbm</c> process.</summary>
public static class CmdExitCodes
{
    /// <summary>The command succeeded.</summary>
    public const int Success = 0;

    /// <summary>The command ran and failed (e.g. this node is not the leader).</summary>
    public const int CommandFailed = 1;

    /// <summary>Usage error: unknown command, unknown or missing argument, bad value.</summary>
    public const int UsageError = 2;

    /// <summary>The node could not be reached, or the connection broke.</summary>
    public const int Unreachable = 3;

    /// <summary>The peer broke the protocol or speaks another version.</summary>
    public const int ProtocolError = 4;

    /// <summary>The command was cancelled by the client (Ctrl-C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
