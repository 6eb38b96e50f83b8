namespace LithairAkka.Cmd.Protocol;

/// <summary>Constants of the pbm protocol.</summary>
public static class CmdProtocol
{
    /// <summary>
    /// The protocol version this build speaks. A client says it in <see cref="HelloMessage"/>; a host that speaks another
    /// version answers <see cref="FrameType.Error"/> and closes.
    /// </summary>
    public const int Version = 1;

    /// <summary>The command name the host answers itself, listing palettes and commands.</summary>
    public const string HelpCommand = "help";
}
