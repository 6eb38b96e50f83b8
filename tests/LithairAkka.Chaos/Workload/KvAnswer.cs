using LithairAkka.Chaos.Histories;

namespace LithairAkka.Chaos.Workload;

/// <summary>What one HTTP request to the key-value API came back with, classified for the history.</summary>
/// <param name="Outcome">The outcome.</param>
/// <param name="Version">The version in the answer (new version, version read, or current version of a 409), if any.</param>
/// <param name="ReadValue">The value read by a successful get, if any.</param>
/// <param name="Detail">A short reason for an indeterminate or failed outcome (status code or exception), else <see langword="null"/>.</param>
public readonly record struct KvAnswer(OperationOutcome Outcome, long? Version, string? ReadValue, string? Detail);
