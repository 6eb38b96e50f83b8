using System.Text.Json;
using System.Text.Json.Serialization;

namespace LithairAkka.Actors.Serialization.Json;

/// <summary>
/// Writes <see cref="IActorRef"/> members (and members of any ref type) as their serialized path
/// (<see cref="Serialization.SerializedActorPath"/>) and resolves them through the provider on read, so a ref sent
/// to another node points back at the same actor. Thread-safe.
/// </summary>
public sealed class ActorRefJsonConverterFactory : JsonConverterFactory
{
    private readonly ExtendedActorSystem _system;

    /// <summary>Creates the factory for refs of <paramref name="system"/>.</summary>
    public ActorRefJsonConverterFactory(ExtendedActorSystem system)
    {
        _system = system ?? throw new ArgumentNullException(nameof(system));
    }

    /// <inheritdoc/>
    public override bool CanConvert(Type typeToConvert) => typeof(IActorRef).IsAssignableFrom(typeToConvert);

    /// <inheritdoc/>
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert), _system)!;

    private sealed class Converter<T>(ExtendedActorSystem system) : JsonConverter<T>
        where T : class, IActorRef
    {
        private Serialization? _serialization;

        private Serialization Serialization => _serialization ??= Serialization.Get(system);

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            var path = reader.GetString() ?? string.Empty;
            return Serialization.ResolveActorRef(path) as T
                ?? throw new JsonException($"The actor ref '{path}' does not resolve to a {typeof(T).Name}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Serialization.SerializedActorPath(value));
    }
}
