using LithairAkka.Chaos.Checking;
using LithairAkka.Chaos.Histories;

namespace LithairAkka.Chaos.Tests.Checking;

public class LinearizabilityCheckerPropertyTests
{
    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 40; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Check_HistoryOfARealExecution_IsLinearizable(int seed)
    {
        var history = HistoryGenerator.Generate(new Random(seed), 300, 6, 3, 0.05);

        var result = LinearizabilityChecker.Check(history);

        Assert.Equal(Verdict.Linearizable, result.Verdict);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Check_RealExecutionWithAStaleReadInjected_IsNotLinearizable(int seed)
    {
        var random = new Random(seed);
        var history = HistoryGenerator.Generate(random, 300, 6, 3, 0.05);
        var pairs = (from put in history
                     where put.Kind == OperationKind.Put && put.Outcome == OperationOutcome.Ok
                     from later in history
                     where later.Key == put.Key && later.IsWrite && later.IsDeterminate && later.Invoke > put.Complete
                         && later.Outcome == OperationOutcome.Ok
                     select (put, later)).ToList();
        Assert.NotEmpty(pairs);
        var (stale, overwrite) = pairs[random.Next(pairs.Count)];

        // The overwrite took effect after the put completed, so nothing after it may see the put's unique value.
        history.Add(Ops.Get(999, overwrite.Complete + 1, overwrite.Complete + 2, stale.Value!, stale.Version!.Value, stale.Key));
        var result = LinearizabilityChecker.Check(history);

        Assert.Equal(Verdict.NotLinearizable, result.Verdict);
        var counterexample = Assert.Single(result.Keys, k => k.Verdict == Verdict.NotLinearizable).Counterexample;
        Assert.NotNull(counterexample);
        Assert.True(counterexample.Operations.Count <= 4, counterexample.Format());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Check_RealExecutionWithAGhostReadInjected_IsNotLinearizable(int seed)
    {
        var random = new Random(seed);
        var history = HistoryGenerator.Generate(random, 300, 6, 3, 0.05);
        var reads = history.Select((o, i) => (o, i)).Where(p => p.o.Kind == OperationKind.Get && p.o.Outcome == OperationOutcome.Ok).ToList();
        Assert.NotEmpty(reads);
        var (read, index) = reads[random.Next(reads.Count)];

        history[index] = read with { ReadValue = "never-written" };

        Assert.Equal(Verdict.NotLinearizable, LinearizabilityChecker.Check(history).Verdict);
    }

    [Fact]
    public void Check_TenThousandOperationsEightClientsFiveKeys_Completes()
    {
        var history = HistoryGenerator.Generate(new Random(7), 10_000, 8, 5, 0.02);

        var result = LinearizabilityChecker.Check(history);

        Assert.Equal(Verdict.Linearizable, result.Verdict);
        Assert.Equal(5, result.Keys.Count);
        Assert.Equal(10_000, result.Operations + history.Count(o => !LinearizabilityChecker.IsRelevant(o)));
    }

    [Fact]
    public void Check_TenThousandOperationsOnRotatingKeysWithAViolationLate_FindsIt()
    {
        var history = HistoryGenerator.Generate(new Random(11), 10_000, 8, 5, 0.10, operationsPerKey: 250);
        var put = history.Where(o => o.Kind == OperationKind.Put && o.Outcome == OperationOutcome.Ok).Reverse()
            .First(p => history.Any(o => o.Key == p.Key && o.IsWrite && o.IsDeterminate && o.Outcome == OperationOutcome.Ok && o.Invoke > p.Complete));
        var overwrite = history.First(o => o.Key == put.Key && o.IsWrite && o.IsDeterminate && o.Outcome == OperationOutcome.Ok && o.Invoke > put.Complete);
        history.Add(Ops.Get(999, overwrite.Complete + 1, overwrite.Complete + 2, put.Value!, put.Version!.Value, put.Key));

        var result = LinearizabilityChecker.Check(history);

        Assert.Equal(Verdict.NotLinearizable, result.Verdict);
        Assert.Equal(put.Key, Assert.Single(result.Keys, k => k.Verdict == Verdict.NotLinearizable).Key);
    }

    [Fact]
    public void Check_TinyRandomHistories_AgreeWithBruteForce()
    {
        var random = new Random(2024);
        int linearizable = 0, violations = 0;
        for (var round = 0; round < 4000; round++)
        {
            var history = RandomTinyHistory(random);

            var expected = BruteForceChecker.IsLinearizable(history);
            var actual = LinearizabilityChecker.Check(history, new CheckerOptions { Shrink = false }).Verdict;

            Assert.True(
                (expected ? Verdict.Linearizable : Verdict.NotLinearizable) == actual,
                $"round {round}: brute force says {expected}\n{string.Join('\n', history.Select(HistoryJson.Serialize))}");
            _ = expected ? linearizable++ : violations++;
        }

        // Both answers must be common, or the comparison proves little.
        Assert.True(linearizable > 400 && violations > 400, $"{linearizable} linearizable, {violations} not");
    }

    private static List<Operation> RandomTinyHistory(Random random)
    {
        var history = new List<Operation>();
        var count = random.Next(1, 8);
        for (var i = 0; i < count; i++)
        {
            var invoke = random.Next(0, 12);
            var complete = invoke + random.Next(0, 5);
            var process = i;
            var value = $"v{random.Next(3)}";
            var version = random.Next(1, 4);
            var indeterminate = random.Next(5) == 0;
            history.Add(random.Next(6) switch
            {
                0 => indeterminate ? Ops.PutUnknown(process, invoke, value) : Ops.Put(process, invoke, complete, value, version),
                1 => indeterminate ? Ops.CasUnknown(process, invoke, value, random.Next(3))
                    : random.Next(2) == 0 ? Ops.Cas(process, invoke, complete, value, version - 1, version)
                    : Ops.CasConflict(process, invoke, complete, value, random.Next(3), random.Next(3)),
                2 => Ops.Get(process, invoke, complete, value, version),
                3 => Ops.GetMissing(process, invoke, complete),
                4 => indeterminate ? Ops.DeleteUnknown(process, invoke) : Ops.Delete(process, invoke, complete),
                _ => Ops.Get(process, invoke, complete, value, 1),
            });
        }

        return history;
    }
}
