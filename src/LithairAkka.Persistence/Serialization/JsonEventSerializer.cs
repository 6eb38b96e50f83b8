using System.Collections.Concurrent;
using System.Runtime.Serialization;
using System.Text.Json;

namespace LithairAkka.Persistence.Serialization;

/// <summary>
/// The default <see cref="IEventSerializer"/>: UTF-8 JSON through System.Text.Json, with the manifest the payload's
/// type name (<c>"Namespace.Type, Assembly"</c>, no version, so that stored events survive assembly version
/// changes). Events should be records or classes System.Text.Json can round-trip. Thread-safe.
/// </summary>
public sealed class JsonEventSerializer : IEventSerializer
{
    /// <summary>The identifier stored with payloads this serializer wrote.</summary>
    public const int SerializerIdentifier = 1;

    private readonly JsonSerializerOptions _options;
    private readonly ConcurrentDictionary<Type, string> _manifests = new();
    private readonly ConcurrentDictionary<string, Type> _types = new(StringComparer.Ordinal);

    /// <summary>A serializer with System.Text.Json's general defaults.</summary>
    public JsonEventSerializer()
        : this(new JsonSerializerOptions(JsonSerializerDefaults.General))
    {
    }

    /// <summary>A serializer with the given options (converters, naming policy, ...).</summary>
    public JsonEventSerializer(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc/>
    public int Identifier => SerializerIdentifier;

    /// <inheritdoc/>
    public SerializedPayload Serialize(object payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var type = payload.GetType();
        try
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, type, _options);
            return new SerializedPayload(bytes, _manifests.GetOrAdd(type, static t => ManifestOf(t)), SerializerIdentifier);
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException or ArgumentException)
        {
            throw new SerializationException($"Cannot serialize a [{type}] to JSON: {e.Message}", e);
        }
    }

    /// <inheritdoc/>
    public object Deserialize(ReadOnlySpan<byte> data, string manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var type = _types.GetOrAdd(manifest, static m => Type.GetType(m, throwOnError: false)
            ?? throw new SerializationException($"The event type [{m}] cannot be loaded."));
        try
        {
            return JsonSerializer.Deserialize(data, type, _options)
                ?? throw new SerializationException($"The stored JSON of a [{manifest}] is null.");
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException or ArgumentException)
        {
            throw new SerializationException($"Cannot deserialize a [{manifest}] from JSON: {e.Message}", e);
        }
    }

    /// <summary>The manifest of <paramref name="type"/>: its full name and assembly name.</summary>
    public static string ManifestOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return $"{type.FullName}, {type.Assembly.GetName().Name}";
    }
}
