namespace LithairAkka.Cmd.Protocol;

/// <summary>The kind of a frame of the pbm protocol; the byte after the length prefix.</summary>
public enum FrameType : byte
{
    /// <summary>Client to host, first frame: the client's protocol version (<see cref="HelloMessage"/>).</summary>
    Hello = 1,

    /// <summary>Host to client, answer to <see cref="Hello"/>: the node and its palettes (<see cref="WelcomeMessage"/>).</summary>
    Welcome = 2,

    /// <summary>Client to host: run one command line (<see cref="ExecuteMessage"/>).</summary>
    Execute = 3,

    /// <summary>Host to client: one piece of a command's output (<see cref="OutputMessage"/>); a command may send many.</summary>
    Output = 4,

    /// <summary>Host to client: a command ended, with its exit code (<see cref="CompletedMessage"/>).</summary>
    Completed = 5,

    /// <summary>Client to host: stop the running command, e.g. a streaming <c>log tail</c> (<see cref="CancelMessage"/>).</summary>
    Cancel = 6,

    /// <summary>Host to client: the connection breaks the protocol and is closed (<see cref="ErrorMessage"/>).</summary>
    Error = 7,
}
