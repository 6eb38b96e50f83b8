using LithairAkka.Cmd.Palettes;

namespace LithairAkka.Cmd.Protocol;

/// <summary>Payload of <see cref="FrameType.Output"/>.</summary>
/// <param name="RequestId">The command's request id.</param>
/// <param name="Output">The output.</param>
public sealed record OutputMessage(int RequestId, CommandOutput Output);
