using LithairAkka.Chaos.Histories;

namespace LithairAkka.Chaos.Model;

/// <summary>
/// An operation of one key's sub-history as the search sees it: values interned to ids, indeterminate completion
/// at <see cref="long.MaxValue"/>.
/// </summary>
/// <param name="Source">Index of the operation in the sub-history it came from.</param>
/// <param name="Kind">The request.</param>
/// <param name="ValueId">Interned written value (puts), else 0.</param>
/// <param name="IfVersion">Expected version of a conditional put, else 0.</param>
/// <param name="Outcome">Ok, NotFound, Conflict or Indeterminate (failed operations never reach the model).</param>
/// <param name="Version">The version in the answer, else 0.</param>
/// <param name="ReadValueId">Interned value read by a successful get, else 0.</param>
/// <param name="Invoke">Invocation tick.</param>
/// <param name="Complete">Completion tick, <see cref="long.MaxValue"/> when indeterminate.</param>
internal readonly record struct ModelOperation(
    int Source,
    OperationKind Kind,
    int ValueId,
    long IfVersion,
    OperationOutcome Outcome,
    long Version,
    int ReadValueId,
    long Invoke,
    long Complete)
{
    /// <summary>Whether the outcome is unknown.</summary>
    public bool IsIndeterminate => Outcome == OperationOutcome.Indeterminate;
}
