using LithairAkka.Chaos.Histories;

namespace LithairAkka.Chaos.Tests.Checking;

/// <summary>
/// A reference checker for tiny single-key histories: tries every order of every subset of the indeterminate
/// operations, against its own string-valued register, keys starting absent. Independent of the real checker's
/// model, interning, memoisation and symmetry reductions.
/// </summary>
internal static class BruteForceChecker
{
    public static bool IsLinearizable(IReadOnlyList<Operation> history)
    {
        var relevant = history.Where(o => o.Outcome != OperationOutcome.Failed
            && !(o.Kind == OperationKind.Get && o.Outcome == OperationOutcome.Indeterminate)).ToList();
        return Search(relevant, new bool[relevant.Count], exists: false, value: null, version: 0);
    }

    private static bool Search(List<Operation> ops, bool[] done, bool exists, string? value, long version)
    {
        if (ops.Select((o, i) => (o, i)).All(p => done[p.i] || !p.o.IsDeterminate))
        {
            return true;
        }

        for (var i = 0; i < ops.Count; i++)
        {
            if (done[i] || !IsMinimal(ops, done, i))
            {
                continue;
            }

            if (Step(ops[i], exists, value, version, out var e, out var v, out var n))
            {
                done[i] = true;
                var found = Search(ops, done, e, v, n);
                done[i] = false;
                if (found)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // An operation may go next only if no pending determinate operation completed strictly before it was invoked.
    private static bool IsMinimal(List<Operation> ops, bool[] done, int candidate) =>
        !ops.Where((o, i) => !done[i] && i != candidate && o.IsDeterminate && o.Complete < ops[candidate].Invoke).Any();

    private static bool Step(Operation op, bool exists, string? value, long version, out bool e, out string? v, out long n)
    {
        (e, v, n) = (exists, value, version);
        var current = exists ? version : 0;
        switch (op.Kind)
        {
            case OperationKind.Delete:
                (e, v, n) = (false, null, 0);
                return true;
            case OperationKind.Get when op.Outcome == OperationOutcome.NotFound:
                return !exists;
            case OperationKind.Get:
                return exists && value == op.ReadValue && version == op.Version;
            case OperationKind.ConditionalPut when op.Outcome == OperationOutcome.Conflict:
                return op.IfVersion != current && op.Version == current;
            case OperationKind.ConditionalPut when op.IfVersion != current:
                return false;
        }

        if (op.Outcome == OperationOutcome.Ok && op.Version != current + 1)
        {
            return false;
        }

        (e, v, n) = (true, op.Value, current + 1);
        return true;
    }
}
