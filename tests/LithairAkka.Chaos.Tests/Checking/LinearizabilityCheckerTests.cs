using LithairAkka.Chaos.Checking;
using LithairAkka.Chaos.Histories;
using LithairAkka.Chaos.Model;

namespace LithairAkka.Chaos.Tests.Checking;

public class LinearizabilityCheckerTests
{
    private static Verdict Check(params Operation[] history) => LinearizabilityChecker.Check(history).Verdict;

    [Fact]
    public void Check_EmptyHistory_IsLinearizable() => Assert.Equal(Verdict.Linearizable, Check());

    [Fact]
    public void Check_SequentialPutsGetsAndDelete_IsLinearizable()
    {
        Assert.Equal(Verdict.Linearizable, Check(
            Ops.GetMissing(0, 0, 1),
            Ops.Put(0, 2, 3, "a", 1),
            Ops.Get(1, 4, 5, "a", 1),
            Ops.Cas(1, 6, 7, "b", 1, 2),
            Ops.CasConflict(0, 8, 9, "c", 1, 2),
            Ops.Delete(0, 10, 11),
            Ops.GetMissing(1, 12, 13),
            Ops.Cas(0, 14, 15, "d", 0, 1)));
    }

    [Fact]
    public void Check_StaleRead_IsNotLinearizable()
    {
        Assert.Equal(Verdict.NotLinearizable, Check(
            Ops.Put(0, 0, 1, "a", 1),
            Ops.Put(0, 2, 3, "b", 2),
            Ops.Get(1, 4, 5, "a", 1)));
    }

    [Fact]
    public void Check_LostWrite_IsNotLinearizable()
    {
        // The put was acknowledged, yet a later read finds the key absent.
        Assert.Equal(Verdict.NotLinearizable, Check(
            Ops.Put(0, 0, 1, "a", 1),
            Ops.GetMissing(1, 2, 3)));
    }

    [Fact]
    public void Check_DuplicateEffect_IsNotLinearizable()
    {
        // One put applied twice shows as a version two ahead of the writes that happened.
        Assert.Equal(Verdict.NotLinearizable, Check(
            Ops.Put(0, 0, 1, "a", 1),
            Ops.Put(0, 2, 3, "b", 2),
            Ops.Get(1, 4, 5, "b", 3)));
    }

    [Fact]
    public void Check_TwoConditionalPutsOnTheSameVersionBothSucceed_IsNotLinearizable()
    {
        Assert.Equal(Verdict.NotLinearizable, Check(
            Ops.Put(0, 0, 1, "a", 1),
            Ops.Cas(1, 2, 10, "b", 1, 2),
            Ops.Cas(2, 3, 11, "c", 1, 2)));
    }

    [Fact]
    public void Check_ConditionalPutSucceedsOnWrongVersion_IsNotLinearizable()
    {
        Assert.Equal(Verdict.NotLinearizable, Check(
            Ops.Put(0, 0, 1, "a", 1),
            Ops.Put(0, 2, 3, "b", 2),
            Ops.Cas(1, 4, 5, "c", 1, 2)));
    }

    [Fact]
    public void Check_OnlyIfAbsentSucceedsOnExistingKey_IsNotLinearizable()
    {
        Assert.Equal(Verdict.NotLinearizable, Check(
            Ops.Put(0, 0, 1, "a", 1),
            Ops.Cas(1, 2, 3, "b", 0, 1)));
    }

    [Fact]
    public void Check_IndeterminatePutThatHappened_IsLinearizable()
    {
        Assert.Equal(Verdict.Linearizable, Check(
            Ops.Put(0, 0, 1, "a", 1),
            Ops.PutUnknown(1, 2, "b"),
            Ops.Get(2, 10, 11, "b", 2)));
    }

    [Fact]
    public void Check_IndeterminatePutThatNeverHappened_IsLinearizable()
    {
        Assert.Equal(Verdict.Linearizable, Check(
            Ops.Put(0, 0, 1, "a", 1),
            Ops.PutUnknown(1, 2, "b"),
            Ops.Get(2, 10, 11, "a", 1),
            Ops.Put(0, 12, 13, "c", 2)));
    }

    [Fact]
    public void Check_IndeterminatePutTakingEffectLongAfterTheClientGaveUp_IsLinearizable()
    {
        Assert.Equal(Verdict.Linearizable, Check(
            Ops.PutUnknown(1, 0, "b"),
            Ops.GetMissing(2, 100, 101),
            Ops.Get(2, 200, 201, "b", 1)));
    }

    [Fact]
    public void Check_IndeterminatePutThatBothHappenedAndDidNot_IsNotLinearizable()
    {
        Assert.Equal(Verdict.NotLinearizable, Check(
            Ops.Put(0, 0, 1, "a", 1),
            Ops.PutUnknown(1, 2, "b"),
            Ops.Get(2, 10, 11, "b", 2),
            Ops.Get(2, 12, 13, "a", 1)));
    }

    [Fact]
    public void Check_IndeterminatePutReadBeforeItWasInvoked_IsNotLinearizable()
    {
        Assert.Equal(Verdict.NotLinearizable, Check(
            Ops.Get(2, 0, 1, "b", 1),
            Ops.PutUnknown(1, 5, "b")));
    }

    [Fact]
    public void Check_IndeterminateDeleteSeenThenUndone_IsNotLinearizable()
    {
        Assert.Equal(Verdict.NotLinearizable, Check(
            Ops.Put(0, 0, 1, "a", 1),
            Ops.DeleteUnknown(1, 2),
            Ops.GetMissing(2, 10, 11),
            Ops.Get(2, 12, 13, "a", 1)));
    }

    [Fact]
    public void Check_ConcurrentPutsSeenInEitherOrder_IsLinearizable()
    {
        Assert.Equal(Verdict.Linearizable, Check(
            Ops.Put(0, 0, 10, "a", 2),
            Ops.Put(1, 1, 9, "b", 1),
            Ops.Get(2, 11, 12, "a", 2)));
    }

    [Fact]
    public void Check_ReadOverlappingAWriteSeesNewValue_IsLinearizable()
    {
        Assert.Equal(Verdict.Linearizable, Check(
            Ops.Put(0, 0, 1, "a", 1),
            Ops.Put(0, 2, 20, "b", 2),
            Ops.Get(1, 3, 4, "b", 2),
            Ops.Get(1, 5, 6, "b", 2)));
    }

    [Fact]
    public void Check_NewThenOldValueDuringOneWrite_IsNotLinearizable()
    {
        Assert.Equal(Verdict.NotLinearizable, Check(
            Ops.Put(0, 0, 1, "a", 1),
            Ops.Put(0, 2, 20, "b", 2),
            Ops.Get(1, 3, 4, "b", 2),
            Ops.Get(1, 5, 6, "a", 1)));
    }

    [Fact]
    public void Check_OperationsTouchingAtOneTick_CountAsConcurrent()
    {
        Assert.Equal(Verdict.Linearizable, Check(
            Ops.Put(0, 0, 5, "a", 1),
            Ops.GetMissing(1, 5, 6)));
    }

    [Fact]
    public void Check_FailedOperations_AreIgnored()
    {
        Assert.Equal(Verdict.Linearizable, Check(
            Ops.Failed(0, 0, 1, "x"),
            Ops.GetMissing(1, 2, 3),
            Ops.Put(0, 4, 5, "a", 1)));
    }

    [Fact]
    public void Check_KeysAreIndependent_OnlyTheBadKeyFails()
    {
        var result = LinearizabilityChecker.Check(
        [
            Ops.Put(0, 0, 1, "a", 1, key: "x"),
            Ops.Put(0, 2, 3, "a", 1, key: "y"),
            Ops.GetMissing(1, 4, 5, key: "y"),
            Ops.Get(1, 6, 7, "a", 1, key: "x"),
        ]);

        Assert.Equal(Verdict.NotLinearizable, result.Verdict);
        Assert.Equal(Verdict.Linearizable, result.Keys.Single(k => k.Key == "x").Verdict);
        Assert.Equal(Verdict.NotLinearizable, result.Keys.Single(k => k.Key == "y").Verdict);
        Assert.NotNull(result.Keys.Single(k => k.Key == "y").Counterexample);
        Assert.Contains("NOT linearizable", result.Format(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TinyStepBudget_IsUnknown()
    {
        var result = LinearizabilityChecker.Check(
            [Ops.Put(0, 0, 10, "a", 1), Ops.Put(1, 1, 11, "b", 2), Ops.Get(2, 12, 13, "b", 2)],
            new CheckerOptions { StepBudget = 1 });

        Assert.Equal(Verdict.Unknown, result.Verdict);
    }

    [Fact]
    public void Check_UnknownInitialState_AcceptsAnyFirstObservation()
    {
        Operation[] history = [Ops.Get(0, 0, 1, "z", 9), Ops.Put(1, 2, 3, "a", 10)];
        Assert.Equal(Verdict.NotLinearizable, LinearizabilityChecker.Check(history).Verdict);
        Assert.Equal(Verdict.Linearizable, LinearizabilityChecker.Check(history, new CheckerOptions { Initial = InitialState.Unknown }).Verdict);
    }

    [Fact]
    public void Check_MalformedOperation_Throws()
    {
        var bad = Ops.GetMissing(0, 0, 1) with { Kind = OperationKind.Put };
        Assert.Throws<ArgumentException>(() => LinearizabilityChecker.Check([bad]));
        var backwards = Ops.Put(0, 5, 1, "a", 1);
        Assert.Throws<ArgumentException>(() => LinearizabilityChecker.Check([backwards]));
    }

    [Fact]
    public void CheckKey_MixedKeys_Throws()
    {
        Assert.Throws<ArgumentException>(() => LinearizabilityChecker.CheckKey(
            [Ops.GetMissing(0, 0, 1, key: "a"), Ops.GetMissing(0, 2, 3, key: "b")], InitialState.Absent, 100, out _));
    }

    [Fact]
    public void Check_ManyUnreadIndeterminateWritesBeforeAViolation_IsDecidedWithinASmallBudget()
    {
        // Sixty writes of unknown outcome, none ever read, then a stale read. Trying every subset of the writes
        // would take 2^60 steps; treating writes with the same unobserved effect as interchangeable takes few.
        var history = new List<Operation>();
        for (var i = 0; i < 60; i++)
        {
            history.Add(Ops.PutUnknown(i, i, $"lost{i}"));
            history.Add(Ops.DeleteUnknown(100 + i, i));
        }

        long t = 100;
        for (var round = 0; round < 20; round++)
        {
            history.Add(Ops.Delete(0, t, t + 1));
            history.Add(Ops.Put(0, t + 2, t + 3, $"a{round}", 1));
            t += 10;
        }

        history.Add(Ops.Get(1, t, t + 1, "a3", 1));

        var result = LinearizabilityChecker.Check(history, new CheckerOptions { StepBudget = 1_000_000 });

        Assert.Equal(Verdict.NotLinearizable, result.Verdict);
    }
}
