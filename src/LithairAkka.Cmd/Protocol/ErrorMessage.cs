namespace LithairAkka.Cmd.Protocol;

/// <summary>Payload of <see cref="FrameType.Error"/>: why the host closes the connection.</summary>
/// <param name="Message">One line.</param>
public sealed record ErrorMessage(string Message);
