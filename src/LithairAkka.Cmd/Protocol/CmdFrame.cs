namespace LithairAkka.Cmd.Protocol;

/// <summary>One frame: its type and its UTF-8 JSON payload. The payload may alias a reader's buffer; copy it to keep it.</summary>
/// <param name="Type">The frame type.</param>
/// <param name="Payload">The payload bytes (JSON), possibly empty.</param>
public readonly record struct CmdFrame(FrameType Type, ReadOnlyMemory<byte> Payload);
