using LithairAkka.Chaos.Histories;

namespace LithairAkka.Chaos.Model;

/// <summary>
/// The sequential specification of one key of the key-value API (INTERFACE §4, and
/// <c>KeyValueStateMachine</c>): a versioned register.
/// </summary>
/// <remarks>
/// <para>State: absent (version 0), or a value with a version ≥ 1.</para>
/// <list type="bullet">
/// <item><c>put v</c> → <c>200 version V</c>: legal iff V = current version + 1 (a new key gets 1; a key deleted and
/// written again starts over at 1, as the state machine forgets a deleted key); the key becomes (v, V).</item>
/// <item><c>put v if-version E</c> → <c>200 version V</c>: legal iff the current version is E (0: absent) and
/// V = E + 1; → <c>409 current C</c>: legal iff C ≠ E and the current version is C; no effect.</item>
/// <item><c>get</c> → <c>200 (v, V)</c>: legal iff the key holds exactly (v, V); → <c>404</c>: legal iff absent.</item>
/// <item><c>delete</c> → <c>200</c>: always legal (deleting an absent key is not an error); the key becomes absent.</item>
/// <item>An indeterminate write may take effect once, at any point after its invocation, or never; when it takes
/// effect it acts as above without its answer being checked (a conditional one only if its condition holds).
/// Indeterminate reads and definitely failed operations have no effect and are dropped.</item>
/// </list>
/// Stateless and thread-safe.
/// </remarks>
internal static class VersionedRegister
{
    /// <summary>Applies one operation to a state.</summary>
    /// <param name="state">The state before.</param>
    /// <param name="operation">The operation, linearized at this point.</param>
    /// <param name="next">The state after, when legal.</param>
    /// <returns>
    /// <see langword="true"/> when the operation's answer is consistent with <paramref name="state"/> (for an
    /// indeterminate one: when it can take effect here; "no effect" is covered by leaving it out).
    /// </returns>
    public static bool TryStep(RegisterState state, in ModelOperation operation, out RegisterState next)
    {
        next = state;
        return operation.IsIndeterminate ? TryEffect(state, operation, out next) : TryAnswer(state, operation, out next);
    }

    private static bool TryAnswer(RegisterState state, in ModelOperation op, out RegisterState next)
    {
        next = state;
        switch (op.Kind, op.Outcome)
        {
            case (OperationKind.Put, OperationOutcome.Ok):
                if (op.Version < 1 || !state.VersionMayBe(op.Version - 1))
                {
                    return false;
                }

                next = RegisterState.Of(op.Version, op.ValueId);
                return true;

            case (OperationKind.ConditionalPut, OperationOutcome.Ok):
                if (op.Version != op.IfVersion + 1 || !state.VersionMayBe(op.IfVersion))
                {
                    return false;
                }

                next = RegisterState.Of(op.Version, op.ValueId);
                return true;

            case (OperationKind.ConditionalPut, OperationOutcome.Conflict):
                if (op.Version == op.IfVersion || !state.VersionMayBe(op.Version))
                {
                    return false;
                }

                next = RegisterState.Of(op.Version, op.Version == 0 ? 0 : state.ValueId);
                return true;

            case (OperationKind.Get, OperationOutcome.Ok):
                if (op.Version < 1 || !state.VersionMayBe(op.Version)
                    || (state.ValueId != RegisterState.UnknownPart && state.ValueId != op.ReadValueId))
                {
                    return false;
                }

                next = RegisterState.Of(op.Version, op.ReadValueId);
                return true;

            case (OperationKind.Get, OperationOutcome.NotFound):
                if (!state.MayBeAbsent)
                {
                    return false;
                }

                next = RegisterState.Absent;
                return true;

            case (OperationKind.Delete, OperationOutcome.Ok):
                next = RegisterState.Absent;
                return true;

            default:
                return false;
        }
    }

    private static bool TryEffect(RegisterState state, in ModelOperation op, out RegisterState next)
    {
        next = state;
        switch (op.Kind)
        {
            case OperationKind.Put:
                next = state.Version == RegisterState.UnknownPart
                    ? new RegisterState(RegisterState.UnknownPart, op.ValueId)
                    : RegisterState.Of(state.Version + 1, op.ValueId);
                return true;

            case OperationKind.ConditionalPut:
                if (!state.VersionMayBe(op.IfVersion))
                {
                    return false;
                }

                next = RegisterState.Of(op.IfVersion + 1, op.ValueId);
                return true;

            case OperationKind.Delete:
                next = RegisterState.Absent;
                return true;

            default:
                return false;
        }
    }
}
