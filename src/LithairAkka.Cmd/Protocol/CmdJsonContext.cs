using System.Text.Json.Serialization;
using LithairAkka.Cmd.Palettes;

namespace LithairAkka.Cmd.Protocol;

/// <summary>Source-generated JSON metadata of every payload (camelCase names, enums as strings).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HelloMessage))]
[JsonSerializable(typeof(WelcomeMessage))]
[JsonSerializable(typeof(ExecuteMessage))]
[JsonSerializable(typeof(OutputMessage))]
[JsonSerializable(typeof(CompletedMessage))]
[JsonSerializable(typeof(CancelMessage))]
[JsonSerializable(typeof(ErrorMessage))]
[JsonSerializable(typeof(CommandOutput))]
internal sealed partial class CmdJsonContext : JsonSerializerContext;
