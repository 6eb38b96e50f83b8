using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LithairAkka.Actors.Serialization.Json;

/// <summary>Writes an <see cref="ActorPath"/> as its text form with the uid suffix, and parses it back. Thread-safe.</summary>
public sealed class ActorPathJsonConverter : JsonConverter<ActorPath>
{
    /// <inheritdoc/>
    public override ActorPath? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var text = reader.GetString();
        return ActorPath.TryParse(text, out var path)
            ? path
            : throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"'{text}' is not an actor path."));
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ActorPath value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.ToSerializationFormat());
    }
}
