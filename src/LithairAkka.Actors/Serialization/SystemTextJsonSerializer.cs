using System.Buffers;
using System.Runtime.Serialization;
using System.Text.Json;
using LithairAkka.Actors.Serialization.Json;

namespace LithairAkka.Actors.Serialization;

/// <summary>
/// Serializer <c>json</c> (identifier 1), bound to <c>System.Object</c> by default: any message without a more
/// specific binding travels as System.Text.Json UTF-8 with its type name (<c>Namespace.Type, Assembly</c>) as
/// manifest. Records with positional properties, public fields and properties round-trip; <see cref="IActorRef"/>
/// and <see cref="ActorPath"/> members travel as serialized paths and resolve on arrival. A member typed
/// <see cref="object"/> comes back as a <see cref="JsonElement"/>: give such members concrete types, or bind the
/// message to a hand-written serializer. Thread-safe.
/// </summary>
public sealed class SystemTextJsonSerializer : Serializer
{
    /// <summary>The identifier of this serializer.</summary>
    public const int Id = 1;

    [ThreadStatic]
    private static Utf8JsonWriter? _threadWriter;

    /// <summary>Creates the serializer with its converters for refs and paths.</summary>
    public SystemTextJsonSerializer(ExtendedActorSystem system)
        : base(system)
    {
        Options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            IncludeFields = true,
            Converters = { new ActorRefJsonConverterFactory(system), new ActorPathJsonConverter() },
        };
        Options.MakeReadOnly(populateMissingResolver: true);
    }

    /// <summary>The (read-only) options in use.</summary>
    public JsonSerializerOptions Options { get; }

    /// <inheritdoc/>
    public override int Identifier => Id;

    /// <inheritdoc/>
    public override bool IncludeManifest => true;

    /// <inheritdoc/>
    public override byte[] ToBinary(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(message, message.GetType(), Options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw Failed(message.GetType(), e);
        }
    }

    /// <inheritdoc/>
    public override void ToBinary(object message, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(destination);

        // A cached writer per thread, taken out while in use so a re-entrant call gets its own.
        var writer = _threadWriter;
        _threadWriter = null;
        if (writer is null)
        {
            writer = new Utf8JsonWriter(destination);
        }
        else
        {
            writer.Reset(destination);
        }

        try
        {
            JsonSerializer.Serialize(writer, message, message.GetType(), Options);
            writer.Flush();
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw Failed(message.GetType(), e);
        }
        finally
        {
            writer.Reset(Stream.Null);
            _threadWriter = writer;
        }
    }

    /// <inheritdoc/>
    public override object FromBinary(byte[] bytes, string manifest) => FromBinary(bytes.AsSpan(), manifest);

    /// <inheritdoc/>
    public override object FromBinary(ReadOnlySpan<byte> bytes, string manifest)
    {
        var type = TypeManifest.Resolve(manifest);
        try
        {
            return JsonSerializer.Deserialize(bytes, type, Options)
                ?? throw new SerializationException($"The JSON payload of {type} is null.");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new SerializationException($"Cannot deserialize {type} from JSON: {e.Message}", e);
        }
    }

    private static SerializationException Failed(Type type, Exception e) =>
        new($"Cannot serialize {type} as JSON: {e.Message}", e);
}
