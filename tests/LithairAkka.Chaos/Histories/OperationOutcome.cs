namespace LithairAkka.Chaos.Histories;

/// <summary>How an operation ended, as the client saw it.</summary>
public enum OperationOutcome
{
    /// <summary>Definite success: a write answered <c>200</c>, or a read found the key (<see cref="Operation.Version"/> and <see cref="Operation.ReadValue"/> set).</summary>
    Ok,

    /// <summary>A read answered <c>404</c>: the key was absent.</summary>
    NotFound,

    /// <summary>A conditional put answered <c>409</c>; <see cref="Operation.Version"/> holds the reported current version. No effect.</summary>
    Conflict,

    /// <summary>
    /// The outcome is unknown (timeout, <c>504 outcome-unknown</c>, a <c>503</c> or a connection lost mid-request): the
    /// operation may or may not take effect, at any time after its invocation.
    /// </summary>
    Indeterminate,

    /// <summary>Definite failure without effect (connection refused, a <c>4xx</c> other than <c>409</c>); the checker ignores it.</summary>
    Failed,
}
