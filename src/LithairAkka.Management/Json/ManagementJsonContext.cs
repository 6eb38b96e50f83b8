using System.Text.Json.Serialization;

namespace LithairAkka.Management.Json;

/// <summary>Source-generated serializers of every JSON body the servers write (snake_case, as Lithair's API).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(VersionMismatchBody))]
[JsonSerializable(typeof(KvWriteBody))]
[JsonSerializable(typeof(KvDeleteBody))]
[JsonSerializable(typeof(IReadOnlyList<KvListItem>))]
[JsonSerializable(typeof(HealthBody))]
[JsonSerializable(typeof(FaultRulesBody))]
[JsonSerializable(typeof(RaftHealthBody))]
[JsonSerializable(typeof(SyncStatusBody))]
[JsonSerializable(typeof(ResyncStatsBody))]
[JsonSerializable(typeof(TransferLeadershipBody))]
[JsonSerializable(typeof(ForceResyncBody))]
[JsonSerializable(typeof(StateDigestBody))]
internal sealed partial class ManagementJsonContext : JsonSerializerContext;
