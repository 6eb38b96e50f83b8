namespace LithairAkka.Cmd.Protocol;

/// <summary>Payload of <see cref="FrameType.Hello"/>.</summary>
/// <param name="ProtocolVersion">The client's <see cref="CmdProtocol.Version"/>.</param>
/// <param name="Client">The client's name and version, for the host's log.</param>
public sealed record HelloMessage(int ProtocolVersion, string Client);
