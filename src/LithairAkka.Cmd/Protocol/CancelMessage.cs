namespace LithairAkka.Cmd.Protocol;

/// <summary>Payload of <see cref="FrameType.Cancel"/>: stop the command; the host still sends its <see cref="CompletedMessage"/>.</summary>
/// <param name="RequestId">The command's request id.</param>
public sealed record CancelMessage(int RequestId);
