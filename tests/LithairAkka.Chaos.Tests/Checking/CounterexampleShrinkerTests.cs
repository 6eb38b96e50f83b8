using LithairAkka.Chaos.Checking;
using LithairAkka.Chaos.Histories;
using LithairAkka.Chaos.Model;

namespace LithairAkka.Chaos.Tests.Checking;

public class CounterexampleShrinkerTests
{
    [Fact]
    public void Shrink_StaleReadInALongHistory_LeavesTheWriteAndTheRead()
    {
        var history = new List<Operation>();
        long t = 0, version = 0;
        for (var i = 0; i < 300; i++)
        {
            history.Add(Ops.Put(i % 4, t, t + 3, $"v{i}", ++version));
            history.Add(Ops.Get((i + 1) % 4, t + 1, t + 5, $"v{i}", version));
            t += 10;
        }

        // A read that sees v100 long after v101 was acknowledged.
        history.Add(Ops.Get(7, 1015, 1016, "v100", 101));
        var shrinker = new CounterexampleShrinker(InitialState.Absent, 10_000_000, 4_000);

        var counterexample = shrinker.Shrink("k", history);

        Assert.Equal(InitialState.Unknown, counterexample.Initial);
        Assert.Equal(2, counterexample.Operations.Count);
        Assert.Contains(counterexample.Operations, o => o.Kind == OperationKind.Get && o.ReadValue == "v100" && o.Process == 7);
        Assert.Contains(counterexample.Operations, o => o.Kind == OperationKind.Put && o.Value == "v101" && o.IsDeterminate);
        Assert.Equal(Verdict.NotLinearizable, LinearizabilityChecker.CheckKey(counterexample.Operations, counterexample.Initial, 1_000, out _));
    }

    [Fact]
    public void Shrink_Result_IsOneMinimalUnderEveryWeakeningStep()
    {
        var history = new List<Operation>
        {
            Ops.Put(0, 0, 1, "a", 1),
            Ops.PutUnknown(1, 2, "b"),
            Ops.Get(2, 3, 4, "a", 1),
            Ops.Get(3, 10, 11, "b", 2),
            Ops.Get(2, 12, 13, "a", 1),
            Ops.Put(0, 14, 15, "c", 3),
            Ops.Get(3, 16, 17, "c", 3),
        };
        var counterexample = new CounterexampleShrinker(InitialState.Absent, 1_000_000, 1_000).Shrink("k", history);

        Assert.Equal(Verdict.NotLinearizable, LinearizabilityChecker.CheckKey(counterexample.Operations, counterexample.Initial, 1_000_000, out _));
        for (var i = 0; i < counterexample.Operations.Count; i++)
        {
            var operation = counterexample.Operations[i];
            if (!operation.IsDeterminate)
            {
                continue;
            }

            var weaker = counterexample.Operations.ToList();
            if (operation.IsWrite && operation.Outcome == OperationOutcome.Ok)
            {
                weaker[i] = operation with { Outcome = OperationOutcome.Indeterminate, Version = null };
            }
            else
            {
                weaker.RemoveAt(i);
            }

            Assert.Equal(Verdict.Linearizable, LinearizabilityChecker.CheckKey(weaker, counterexample.Initial, 1_000_000, out _));
        }

        Assert.True(counterexample.Operations.Count <= 3, counterexample.Format());
    }

    [Fact]
    public void Shrink_FirstVersionTooHigh_KeepsTheAbsentInitialState()
    {
        var history = new List<Operation> { Ops.Put(1, 0, 1, "a", 2), Ops.Get(0, 2, 3, "a", 2) };

        var counterexample = new CounterexampleShrinker(InitialState.Absent, 1_000, 100).Shrink("k", history);

        Assert.Equal(InitialState.Absent, counterexample.Initial);
        Assert.Single(counterexample.Operations);
        Assert.Equal("a", counterexample.Operations[0].Value);
    }

    [Fact]
    public void SuffixCut_OperationsRunningAcrossTheCut_LoseTheirAnswers()
    {
        var put = Ops.Put(0, 0, 100, "a", 1);
        var read = Ops.Get(1, 1, 100, "a", 1);
        var early = Ops.GetMissing(2, 2, 3);
        var later = Ops.Get(3, 50, 51, "a", 1);

        var cut = CounterexampleShrinker.SuffixCut([put, read, early, later], 3);

        Assert.Equal(2, cut.Count);
        Assert.Equal(OperationOutcome.Indeterminate, cut[0].Outcome);
        Assert.Same(early, cut[1]);
    }

    [Fact]
    public void Format_ListsEveryOperationWithItsAnswer()
    {
        var counterexample = new Counterexample(
            "k",
            InitialState.Unknown,
            [Ops.Put(0, 0, 10_000, "b", 2), Ops.Get(1, 20_000, 30_000, "a", 1), Ops.PutUnknown(2, 5_000, "c")],
            42);

        var text = counterexample.Format();

        Assert.Contains("3 of 42 operations", text, StringComparison.Ordinal);
        Assert.Contains("put \"b\" -> ok version 2", text, StringComparison.Ordinal);
        Assert.Contains("get -> \"a\" version 1", text, StringComparison.Ordinal);
        Assert.Contains("never?", text, StringComparison.Ordinal);
        Assert.Contains("2.000", text, StringComparison.Ordinal);
    }
}
