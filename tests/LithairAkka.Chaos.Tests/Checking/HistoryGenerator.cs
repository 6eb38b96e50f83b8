using System.Globalization;
using LithairAkka.Chaos.Histories;

namespace LithairAkka.Chaos.Tests.Checking;

/// <summary>
/// Builds histories from a real sequential execution: every operation gets a linearization point inside its
/// [invoke, complete] interval, the store applies the operations in point order and the answers are what it
/// returned. Indeterminate writes take effect at a point after their invocation, possibly after the client gave up,
/// or never. Such histories are linearizable by construction.
/// </summary>
internal static class HistoryGenerator
{
    public static List<Operation> Generate(Random random, int operations, int processes, int keys, double indeterminateRate, int operationsPerKey = int.MaxValue)
    {
        var perSlot = new int[keys];
        var free = new long[processes];
        var processIds = Enumerable.Range(0, processes).ToArray();
        var drafts = new List<(Operation Op, long Point, bool Applies)>();
        for (var i = 0; i < operations; i++)
        {
            var p = random.Next(processes);
            var invoke = free[p] + random.Next(0, 20);
            var point = invoke + random.Next(0, 30);
            var complete = point + random.Next(0, 30);
            var roll = random.Next(100);
            var kind = roll < 40 ? OperationKind.Get : roll < 65 ? OperationKind.Put : roll < 90 ? OperationKind.ConditionalPut : OperationKind.Delete;
            var indeterminate = kind != OperationKind.Get && random.NextDouble() < indeterminateRate;
            var applies = true;
            if (indeterminate)
            {
                applies = random.Next(2) == 0;
                point = invoke + random.Next(0, 400);
                complete = invoke + 50;
            }

            var operation = new Operation
            {
                Id = i + 1,
                Process = processIds[p],
                Kind = kind,
                Key = NextKey(random, perSlot, operationsPerKey),
                Value = kind is OperationKind.Put or OperationKind.ConditionalPut ? "v" + (i + 1).ToString(CultureInfo.InvariantCulture) : null,
                Invoke = invoke,
                Complete = complete,
                Outcome = indeterminate ? OperationOutcome.Indeterminate : OperationOutcome.Ok,
            };
            drafts.Add((operation, point, applies));
            free[p] = complete + 1;
            if (indeterminate)
            {
                processIds[p] += processes;
            }
        }

        var store = new Dictionary<string, (string Value, long Version)>(StringComparer.Ordinal);
        var history = new List<Operation>(operations);
        foreach (var (draft, _, applies) in drafts.OrderBy(d => d.Point).ThenBy(d => d.Op.Id))
        {
            history.Add(Apply(random, store, draft, applies));
        }

        return [.. history.OrderBy(o => o.Invoke)];
    }

    private static string NextKey(Random random, int[] perSlot, int operationsPerKey)
    {
        var slot = random.Next(perSlot.Length);
        return string.Create(CultureInfo.InvariantCulture, $"k{slot}-{perSlot[slot]++ / operationsPerKey}");
    }

    private static Operation Apply(Random random, Dictionary<string, (string Value, long Version)> store, Operation draft, bool applies)
    {
        var exists = store.TryGetValue(draft.Key, out var current);
        var version = exists ? current.Version : 0;
        var ifVersion = random.Next(10) < 6 ? version : random.Next(0, (int)version + 2);
        var operation = draft.Kind == OperationKind.ConditionalPut ? draft with { IfVersion = ifVersion } : draft;
        if (!operation.IsDeterminate)
        {
            if (applies && (operation.Kind != OperationKind.ConditionalPut || ifVersion == version))
            {
                Write(store, operation, version);
            }

            return operation;
        }

        switch (operation.Kind)
        {
            case OperationKind.Get:
                return exists
                    ? operation with { ReadValue = current.Value, Version = current.Version }
                    : operation with { Outcome = OperationOutcome.NotFound };
            case OperationKind.ConditionalPut when ifVersion != version:
                return operation with { Outcome = OperationOutcome.Conflict, Version = version };
            case OperationKind.Delete:
                store.Remove(operation.Key);
                return operation;
            default:
                return operation with { Version = Write(store, operation, version) };
        }
    }

    private static long Write(Dictionary<string, (string Value, long Version)> store, Operation operation, long version)
    {
        if (operation.Kind == OperationKind.Delete)
        {
            store.Remove(operation.Key);
            return 0;
        }

        store[operation.Key] = (operation.Value!, version + 1);
        return version + 1;
    }
}
