using LithairAkka.Chaos.Histories;
using LithairAkka.Chaos.Model;

namespace LithairAkka.Chaos.Checking;

/// <summary>
/// Checks a history of key-value operations for linearizability against the versioned-register model (see
/// <c>VersionedRegister</c>: a put makes version = previous + 1, a new or deleted key starts at 1, delete removes the
/// key). Keys are independent, so the history is decomposed per key and each sub-history searched with the
/// Wing–Gong/Lowe algorithm; a failing key is shrunk to a minimal counterexample.
/// </summary>
/// <remarks>
/// Stateless and thread-safe. Definitely failed operations and indeterminate reads are dropped (they cannot have
/// changed anything); indeterminate writes may take effect at any point after their invocation, or never.
/// </remarks>
public static class LinearizabilityChecker
{
    private const int UnreadValue = 1;

    /// <summary>Checks a whole history.</summary>
    /// <param name="history">The operations, in any order.</param>
    /// <param name="options">Settings; <see cref="CheckerOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The verdict overall and per key.</returns>
    /// <exception cref="ArgumentException">An operation is malformed (e.g. a put answered "not found", completion before invocation).</exception>
    public static CheckResult Check(IEnumerable<Operation> history, CheckerOptions? options = null)
    {
        options ??= CheckerOptions.Default;
        var operations = history.ToList();
        foreach (var operation in operations)
        {
            Validate(operation);
        }

        var byKey = operations.GroupBy(o => o.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.ToList())
            .ToList();
        var results = new KeyCheckResult[byKey.Count];
        Parallel.For(
            0,
            byKey.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) },
            i => results[i] = CheckOneKey(byKey[i], options));
        var verdict = results.Any(r => r.Verdict == Verdict.NotLinearizable) ? Verdict.NotLinearizable
            : results.Any(r => r.Verdict == Verdict.Unknown) ? Verdict.Unknown
            : Verdict.Linearizable;
        return new CheckResult(verdict, results);
    }

    /// <summary>Checks the sub-history of a single key, without shrinking.</summary>
    /// <param name="operations">Operations that all name the same key.</param>
    /// <param name="initial">The key's assumed state before them.</param>
    /// <param name="stepBudget">Maximum search steps.</param>
    /// <param name="steps">Steps taken.</param>
    /// <returns>The verdict.</returns>
    /// <exception cref="ArgumentException">The operations name different keys, or one is malformed.</exception>
    public static Verdict CheckKey(IReadOnlyList<Operation> operations, InitialState initial, long stepBudget, out long steps)
    {
        var prepared = Prepare(operations);
        var search = new KeySearch(prepared);
        var verdict = search.Run(initial == InitialState.Absent ? RegisterState.Absent : RegisterState.Unknown, stepBudget);
        steps = search.Steps;
        return verdict;
    }

    /// <summary>Whether an operation reaches the model: failed operations and indeterminate reads do not.</summary>
    /// <param name="operation">The operation.</param>
    /// <returns><see langword="true"/> when it is checked.</returns>
    public static bool IsRelevant(Operation operation) =>
        operation.Outcome != OperationOutcome.Failed
        && !(operation.Kind == OperationKind.Get && operation.Outcome == OperationOutcome.Indeterminate);

    private static KeyCheckResult CheckOneKey(List<Operation> operations, CheckerOptions options)
    {
        var relevant = operations.Where(IsRelevant).ToList();
        var key = operations[0].Key;
        var verdict = CheckKey(relevant, options.Initial, options.StepBudget, out var steps);
        Counterexample? counterexample = null;
        if (verdict == Verdict.NotLinearizable && options.Shrink)
        {
            counterexample = new CounterexampleShrinker(options.Initial, options.StepBudget, options.ShrinkChecks).Shrink(key, relevant);
        }

        return new KeyCheckResult(key, verdict, relevant.Count, steps, counterexample);
    }

    private static ModelOperation[] Prepare(IReadOnlyList<Operation> operations)
    {
        // Interned value ids start at 2; 1 stands for every value that an indeterminate write wrote and no read
        // returned. Such writes differ only in a value nobody observes, so the search treats them as
        // interchangeable (see KeySearch) instead of trying every subset of them.
        var read = operations.Where(o => o.Kind == OperationKind.Get && o.Outcome == OperationOutcome.Ok && o.ReadValue is not null)
            .Select(o => o.ReadValue!)
            .ToHashSet(StringComparer.Ordinal);
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        var prepared = new List<ModelOperation>(operations.Count);
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            if (!string.Equals(operation.Key, operations[0].Key, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Operation {operation.Id} names key '{operation.Key}', not '{operations[0].Key}'.", nameof(operations));
            }

            Validate(operation);
            if (!IsRelevant(operation))
            {
                continue;
            }

            var written = !operation.IsDeterminate && operation.Value is { } value && !read.Contains(value)
                ? UnreadValue
                : Intern(values, operation.Value);
            prepared.Add(new ModelOperation(
                i,
                operation.Kind,
                written,
                operation.IfVersion ?? 0,
                operation.Outcome,
                operation.Version ?? 0,
                Intern(values, operation.ReadValue),
                operation.Invoke,
                operation.IsDeterminate ? operation.Complete : long.MaxValue));
        }

        return [.. prepared];
    }

    private static int Intern(Dictionary<string, int> values, string? value)
    {
        if (value is null)
        {
            return 0;
        }

        if (!values.TryGetValue(value, out var id))
        {
            id = values.Count + UnreadValue + 1;
            values.Add(value, id);
        }

        return id;
    }

    private static void Validate(Operation operation)
    {
        var valid = (operation.Kind, operation.Outcome) switch
        {
            (_, OperationOutcome.Failed) => true,
            (OperationKind.Put, OperationOutcome.Ok) => operation.Value is not null && operation.Version is not null,
            (OperationKind.Put, OperationOutcome.Indeterminate) => operation.Value is not null,
            (OperationKind.ConditionalPut, OperationOutcome.Ok or OperationOutcome.Conflict) =>
                operation.Value is not null && operation.IfVersion is >= 0 && operation.Version is not null,
            (OperationKind.ConditionalPut, OperationOutcome.Indeterminate) => operation.Value is not null && operation.IfVersion is >= 0,
            (OperationKind.Get, OperationOutcome.Ok) => operation.ReadValue is not null && operation.Version is not null,
            (OperationKind.Get, OperationOutcome.NotFound or OperationOutcome.Indeterminate) => true,
            (OperationKind.Delete, OperationOutcome.Ok or OperationOutcome.Indeterminate) => true,
            _ => false,
        };
        if (!valid)
        {
            throw new ArgumentException($"Operation {operation.Id}: a {operation.Kind} cannot end {operation.Outcome} with these fields.", nameof(operation));
        }

        if (operation.IsDeterminate && operation.Complete < operation.Invoke)
        {
            throw new ArgumentException($"Operation {operation.Id} completes before it is invoked.", nameof(operation));
        }
    }
}
