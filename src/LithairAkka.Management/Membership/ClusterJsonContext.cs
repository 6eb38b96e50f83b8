using System.Text.Json.Serialization;

namespace LithairAkka.Management.Membership;

/// <summary>Source-generated serializers of the cluster routes, camelCase as JVM Akka Management writes them.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ClusterMemberBody))]
[JsonSerializable(typeof(ClusterMembersBody))]
[JsonSerializable(typeof(SeedNodesBody))]
[JsonSerializable(typeof(ClusterMessageBody))]
internal sealed partial class ClusterJsonContext : JsonSerializerContext;
