namespace LithairAkka.Persistence.Log;

/// <summary>A decoded frame header: one frame is what one group-commit round writes with one flush.</summary>
/// <param name="BodyLength">Bytes of records after the header (padding not included).</param>
/// <param name="Sequence">The frame's number; frames are numbered 1, 2, 3, ... across all segments.</param>
/// <param name="RecordCount">Number of records in the body.</param>
internal readonly record struct FrameHeader(int BodyLength, long Sequence, int RecordCount);
