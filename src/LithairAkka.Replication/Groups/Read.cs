using LithairAkka.Replication.StateMachines;

namespace LithairAkka.Replication.Groups;

/// <summary>A read-only query; answered with <see cref="QueryResult"/>, <see cref="NotLeader"/> or <see cref="ReadFailed"/>.</summary>
/// <param name="Query">The state machine query.</param>
/// <param name="Consistency">How fresh the answer must be.</param>
public sealed record Read(object Query, ReadConsistency Consistency = ReadConsistency.Linearizable);
