namespace LithairAkka.Cmd.Protocol;

/// <summary>Payload of <see cref="FrameType.Execute"/>: one command line, already split into words.</summary>
/// <param name="RequestId">Chosen by the client; echoed in the command's outputs and completion.</param>
/// <param name="Arguments">The words, e.g. <c>["actor", "hierarchy", "-d", "2"]</c>.</param>
public sealed record ExecuteMessage(int RequestId, IReadOnlyList<string> Arguments);
