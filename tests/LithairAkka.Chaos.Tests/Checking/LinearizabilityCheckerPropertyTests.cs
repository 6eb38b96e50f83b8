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
}
