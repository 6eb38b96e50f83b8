namespace LithairAkka.Chaos.Workload;

/// <summary>Settings of a <see cref="WorkloadGenerator"/> run.</summary>
/// <remarks>Immutable. Weights are relative; a zero weight disables that operation.</remarks>
public sealed record WorkloadOptions
{
    /// <summary>Data API base addresses of the nodes; each operation goes to one picked at random.</summary>
    public required IReadOnlyList<Uri> Nodes { get; init; }

    /// <summary>Concurrent clients (default 8).</summary>
    public int Clients { get; init; } = 8;

    /// <summary>Number of hot keys in use at any time (default 4).</summary>
    public int Keys { get; init; } = 4;

    /// <summary>
    /// Operations on one key before its slot moves on to a fresh key (default 250). Short per-key histories keep the
    /// linearizability search tractable: a write of unknown outcome stays pending to the end of its key's history,
    /// and proving a violation means ruling out every point where each such write could have taken effect.
    /// </summary>
    public int OperationsPerKey { get; init; } = 250;

    /// <summary>Prefix of every key, e.g. a run id, so that a run's keys start absent (default <c>chaos-</c>).</summary>
    public string KeyPrefix { get; init; } = "chaos-";

    /// <summary>How long the clients keep issuing operations (default 1 minute).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>When set, each client stops after this many operations even if <see cref="Duration"/> has not passed (default unbounded).</summary>
    public int? OperationsPerClient { get; init; }

    /// <summary>How long one operation may take before it is recorded as indeterminate (default 5 s, above the API's 2 s leader wait).</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Pause of a client after an operation without a definite answer, so a down node is not hammered (default 20 ms).</summary>
    public TimeSpan FailureBackoff { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Seed of the clients' random choices (default 1).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Relative weight of gets (default 40).</summary>
    public int GetWeight { get; init; } = 40;

    /// <summary>Relative weight of unconditional puts (default 25).</summary>
    public int PutWeight { get; init; } = 25;

    /// <summary>Relative weight of conditional puts (default 25).</summary>
    public int ConditionalPutWeight { get; init; } = 25;

    /// <summary>Relative weight of deletes (default 10).</summary>
    public int DeleteWeight { get; init; } = 10;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentException">No node, fewer than one client, key, operation per client or operation per key, a negative weight or all weights zero.</exception>
    public void Validate()
    {
        if (Nodes.Count == 0 || Clients < 1 || Keys < 1 || OperationsPerClient < 1 || OperationsPerKey < 1)
        {
            throw new ArgumentException("A workload needs at least one node, one client and one key.");
        }

        if (GetWeight < 0 || PutWeight < 0 || ConditionalPutWeight < 0 || DeleteWeight < 0
            || GetWeight + PutWeight + ConditionalPutWeight + DeleteWeight == 0)
        {
            throw new ArgumentException("Operation weights must be non-negative and not all zero.");
        }
    }
}
