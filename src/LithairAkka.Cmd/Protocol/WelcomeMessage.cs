using LithairAkka.Cmd.Palettes;

namespace LithairAkka.Cmd.Protocol;

/// <summary>Payload of <see cref="FrameType.Welcome"/>: who the node is and what it serves.</summary>
/// <param name="ProtocolVersion">The host's <see cref="CmdProtocol.Version"/>.</param>
/// <param name="Node">The node's actor system name.</param>
/// <param name="Address">The node's address.</param>
/// <param name="Palettes">The palettes registered when the client connected.</param>
public sealed record WelcomeMessage(int ProtocolVersion, string Node, string Address, IReadOnlyList<CommandPalette> Palettes);
