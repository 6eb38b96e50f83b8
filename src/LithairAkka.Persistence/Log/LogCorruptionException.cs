using System.Globalization;

namespace LithairAkka.Persistence.Log;

/// <summary>
/// Thrown when a log file holds data that fails its integrity checks somewhere other than an unacknowledged torn
/// tail: a checksum mismatch followed by valid data, a missing segment, a gap in the frame sequence. The store refuses
/// to open (or, when found by a read, faults) rather than serve a log with a hole in it.
/// </summary>
/// <remarks>The message names the file and offset and, for an entry, its group, index and both checksums.</remarks>
public sealed class LogCorruptionException : IOException
{
    /// <summary>Creates the exception from its details.</summary>
    /// <param name="filePath">The damaged file.</param>
    /// <param name="offset">Byte offset of the damaged frame or record in the file.</param>
    /// <param name="reason">What is wrong, in words.</param>
    /// <param name="groupId">The group the damaged record claims to belong to, when known.</param>
    /// <param name="index">The entry index the damaged record claims, when it is an entry.</param>
    /// <param name="expectedChecksum">The CRC32C stored in the record, when a checksum failed.</param>
    /// <param name="foundChecksum">The CRC32C computed over the bytes read, when a checksum failed.</param>
    public LogCorruptionException(
        string filePath,
        long offset,
        string reason,
        long? groupId = null,
        long? index = null,
        uint? expectedChecksum = null,
        uint? foundChecksum = null)
        : base(Describe(filePath, offset, reason, groupId, index, expectedChecksum, foundChecksum))
    {
        FilePath = filePath;
        Offset = offset;
        Reason = reason;
        GroupId = groupId;
        Index = index;
        ExpectedChecksum = expectedChecksum;
        FoundChecksum = foundChecksum;
    }

    /// <summary>Creates the exception with the default message.</summary>
    public LogCorruptionException()
        : this(string.Empty, 0, "corrupt log")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public LogCorruptionException(string message)
        : this(string.Empty, 0, message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LogCorruptionException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = string.Empty;
        Reason = message;
    }

    /// <summary>The damaged file.</summary>
    public string FilePath { get; }

    /// <summary>Byte offset of the damaged frame or record in <see cref="FilePath"/>.</summary>
    public long Offset { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }

    /// <summary>The group the damaged record claims, when known.</summary>
    public long? GroupId { get; }

    /// <summary>The entry index the damaged record claims, when it is an entry.</summary>
    public long? Index { get; }

    /// <summary>The CRC32C stored with the record, when a checksum failed.</summary>
    public uint? ExpectedChecksum { get; }

    /// <summary>The CRC32C computed over the bytes found, when a checksum failed.</summary>
    public uint? FoundChecksum { get; }

    private static string Describe(
        string filePath,
        long offset,
        string reason,
        long? groupId,
        long? index,
        uint? expected,
        uint? found)
    {
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"Corrupt log file '{filePath}' at offset {offset}: {reason}");
        if (groupId is { } g)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; group {g}");
        }

        if (index is { } i)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", index {i}");
        }

        if (expected is { } e && found is { } f)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; checksum expected 0x{e:X8}, found 0x{f:X8}");
        }

        return text + ". The store refuses to serve this log; restore the node's data from a replica.";
    }
}
