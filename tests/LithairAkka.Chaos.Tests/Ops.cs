using LithairAkka.Chaos.Histories;

namespace LithairAkka.Chaos.Tests;

/// <summary>Short constructors for hand-written histories; times are plain ticks.</summary>
internal static class Ops
{
    private static long _ids;

    public static Operation Put(int process, long invoke, long complete, string value, long version, string key = "k") =>
        Make(process, OperationKind.Put, key, invoke, complete, OperationOutcome.Ok) with { Value = value, Version = version };

    public static Operation PutUnknown(int process, long invoke, string value, string key = "k") =>
        Make(process, OperationKind.Put, key, invoke, invoke + 1, OperationOutcome.Indeterminate) with { Value = value };

    public static Operation Cas(int process, long invoke, long complete, string value, long ifVersion, long version, string key = "k") =>
        Make(process, OperationKind.ConditionalPut, key, invoke, complete, OperationOutcome.Ok) with { Value = value, IfVersion = ifVersion, Version = version };

    public static Operation CasConflict(int process, long invoke, long complete, string value, long ifVersion, long current, string key = "k") =>
        Make(process, OperationKind.ConditionalPut, key, invoke, complete, OperationOutcome.Conflict) with { Value = value, IfVersion = ifVersion, Version = current };

    public static Operation CasUnknown(int process, long invoke, string value, long ifVersion, string key = "k") =>
        Make(process, OperationKind.ConditionalPut, key, invoke, invoke + 1, OperationOutcome.Indeterminate) with { Value = value, IfVersion = ifVersion };

    public static Operation Get(int process, long invoke, long complete, string value, long version, string key = "k") =>
        Make(process, OperationKind.Get, key, invoke, complete, OperationOutcome.Ok) with { ReadValue = value, Version = version };

    public static Operation GetMissing(int process, long invoke, long complete, string key = "k") =>
        Make(process, OperationKind.Get, key, invoke, complete, OperationOutcome.NotFound);

    public static Operation Delete(int process, long invoke, long complete, string key = "k") =>
        Make(process, OperationKind.Delete, key, invoke, complete, OperationOutcome.Ok);

    public static Operation DeleteUnknown(int process, long invoke, string key = "k") =>
        Make(process, OperationKind.Delete, key, invoke, invoke + 1, OperationOutcome.Indeterminate);

    public static Operation Failed(int process, long invoke, long complete, string value, string key = "k") =>
        Make(process, OperationKind.Put, key, invoke, complete, OperationOutcome.Failed) with { Value = value };

    private static Operation Make(int process, OperationKind kind, string key, long invoke, long complete, OperationOutcome outcome) => new()
    {
        Id = Interlocked.Increment(ref _ids),
        Process = process,
        Kind = kind,
        Key = key,
        Invoke = invoke,
        Complete = complete,
        Outcome = outcome,
    };
}
