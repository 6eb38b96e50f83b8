namespace LithairAkka.Chaos.Histories;

/// <summary>What a client asked the key-value API to do (INTERFACE §4).</summary>
public enum OperationKind
{
    /// <summary><c>PUT /kv/{key}</c>: unconditional write of <see cref="Operation.Value"/>.</summary>
    Put,

    /// <summary><c>PUT /kv/{key}?if-version=V</c>: write only if the key's version is <see cref="Operation.IfVersion"/> (0: only if absent).</summary>
    ConditionalPut,

    /// <summary><c>GET /kv/{key}</c> with linearizable consistency.</summary>
    Get,

    /// <summary><c>DELETE /kv/{key}</c>: removes the key (succeeds on an absent key too).</summary>
    Delete,
}
