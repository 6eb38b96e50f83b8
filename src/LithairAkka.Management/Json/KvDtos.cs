using System.Text.Json.Serialization;

namespace LithairAkka.Management.Json;

/// <summary><c>{"error":…}</c>, with an optional human-readable <c>message</c>.</summary>
internal sealed record ErrorBody(
    string Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message = null);

/// <summary><c>409 {"error":"version-mismatch","current":V}</c>.</summary>
internal sealed record VersionMismatchBody(string Error, long Current);

/// <summary><c>PUT /kv/{key}</c>: <c>{"key","version","index","term"}</c>; version is null for an async write (not applied yet).</summary>
internal sealed record KvWriteBody(string Key, long? Version, long Index, long Term);

/// <summary><c>DELETE /kv/{key}</c>: <c>{"index","term"}</c>.</summary>
internal sealed record KvDeleteBody(long Index, long Term);

/// <summary>One entry of <c>GET /kv?prefix=</c>.</summary>
internal sealed record KvListItem(string Key, long Version);

/// <summary><c>GET /ready</c> and <c>GET /alive</c>.</summary>
internal sealed record HealthBody(
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Leader = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null);

/// <summary>The answer of a <c>/_fault/*</c> route: the rules now in force.</summary>
internal sealed record FaultRulesBody(IReadOnlyDictionary<string, string> Rules);
