namespace LithairAkka.Cmd.Protocol;

/// <summary>Payload of <see cref="FrameType.Completed"/>: the last frame of a command.</summary>
/// <param name="RequestId">The command's request id.</param>
/// <param name="ExitCode">One of <see cref="CmdExitCodes"/>.</param>
/// <param name="Error">On failure, one line for the user; <see langword="null"/> on success.</param>
public sealed record CompletedMessage(int RequestId, int ExitCode, string? Error);
