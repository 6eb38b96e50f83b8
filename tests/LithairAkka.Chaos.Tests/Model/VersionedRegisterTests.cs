using LithairAkka.Chaos.Histories;
using LithairAkka.Chaos.Model;

namespace LithairAkka.Chaos.Tests.Model;

public class VersionedRegisterTests
{
    private static ModelOperation Op(OperationKind kind, OperationOutcome outcome, int value = 0, long ifVersion = 0, long version = 0, int read = 0) =>
        new(0, kind, value, ifVersion, outcome, version, read, 0, outcome == OperationOutcome.Indeterminate ? long.MaxValue : 1);

    [Fact]
    public void TryStep_PutOnAbsentKey_RequiresVersionOne()
    {
        Assert.True(VersionedRegister.TryStep(RegisterState.Absent, Op(OperationKind.Put, OperationOutcome.Ok, value: 5, version: 1), out var next));
        Assert.Equal(new RegisterState(1, 5), next);
        Assert.False(VersionedRegister.TryStep(RegisterState.Absent, Op(OperationKind.Put, OperationOutcome.Ok, value: 5, version: 2), out _));
    }

    [Fact]
    public void TryStep_PutAfterDelete_StartsAgainAtOne()
    {
        Assert.True(VersionedRegister.TryStep(new RegisterState(3, 2), Op(OperationKind.Delete, OperationOutcome.Ok), out var deleted));
        Assert.Equal(RegisterState.Absent, deleted);
        Assert.True(VersionedRegister.TryStep(deleted, Op(OperationKind.Put, OperationOutcome.Ok, value: 7, version: 1), out _));
        Assert.False(VersionedRegister.TryStep(deleted, Op(OperationKind.Put, OperationOutcome.Ok, value: 7, version: 4), out _));
    }

    [Fact]
    public void TryStep_ConditionalPut_SucceedsOnlyOnMatchingVersion()
    {
        var state = new RegisterState(2, 1);
        Assert.True(VersionedRegister.TryStep(state, Op(OperationKind.ConditionalPut, OperationOutcome.Ok, value: 9, ifVersion: 2, version: 3), out var next));
        Assert.Equal(new RegisterState(3, 9), next);
        Assert.False(VersionedRegister.TryStep(state, Op(OperationKind.ConditionalPut, OperationOutcome.Ok, value: 9, ifVersion: 1, version: 2), out _));
        Assert.False(VersionedRegister.TryStep(state, Op(OperationKind.ConditionalPut, OperationOutcome.Ok, value: 9, ifVersion: 0, version: 1), out _));
        Assert.True(VersionedRegister.TryStep(RegisterState.Absent, Op(OperationKind.ConditionalPut, OperationOutcome.Ok, value: 9, ifVersion: 0, version: 1), out _));
    }

    [Fact]
    public void TryStep_Conflict_MustReportTheCurrentVersion()
    {
        var state = new RegisterState(2, 1);
        Assert.True(VersionedRegister.TryStep(state, Op(OperationKind.ConditionalPut, OperationOutcome.Conflict, value: 9, ifVersion: 1, version: 2), out var next));
        Assert.Equal(state, next);
        Assert.False(VersionedRegister.TryStep(state, Op(OperationKind.ConditionalPut, OperationOutcome.Conflict, value: 9, ifVersion: 1, version: 3), out _));
        Assert.False(VersionedRegister.TryStep(state, Op(OperationKind.ConditionalPut, OperationOutcome.Conflict, value: 9, ifVersion: 2, version: 2), out _));
    }

    [Fact]
    public void TryStep_Get_MustSeeExactValueAndVersion()
    {
        var state = new RegisterState(2, 4);
        Assert.True(VersionedRegister.TryStep(state, Op(OperationKind.Get, OperationOutcome.Ok, version: 2, read: 4), out _));
        Assert.False(VersionedRegister.TryStep(state, Op(OperationKind.Get, OperationOutcome.Ok, version: 2, read: 3), out _));
        Assert.False(VersionedRegister.TryStep(state, Op(OperationKind.Get, OperationOutcome.Ok, version: 1, read: 4), out _));
        Assert.False(VersionedRegister.TryStep(state, Op(OperationKind.Get, OperationOutcome.NotFound), out _));
        Assert.True(VersionedRegister.TryStep(RegisterState.Absent, Op(OperationKind.Get, OperationOutcome.NotFound), out _));
    }

    [Fact]
    public void TryStep_UnknownState_IsFixedByTheFirstObservation()
    {
        Assert.True(VersionedRegister.TryStep(RegisterState.Unknown, Op(OperationKind.Get, OperationOutcome.Ok, version: 7, read: 3), out var seen));
        Assert.Equal(new RegisterState(7, 3), seen);
        Assert.True(VersionedRegister.TryStep(RegisterState.Unknown, Op(OperationKind.ConditionalPut, OperationOutcome.Conflict, value: 1, ifVersion: 0, version: 4), out var conflict));
        Assert.Equal(new RegisterState(4, RegisterState.UnknownPart), conflict);
        Assert.False(VersionedRegister.TryStep(conflict, Op(OperationKind.Get, OperationOutcome.NotFound), out _));
        Assert.True(VersionedRegister.TryStep(conflict, Op(OperationKind.Get, OperationOutcome.Ok, version: 4, read: 8), out _));
    }

    [Fact]
    public void TryStep_IndeterminatePutOnUnknownVersion_KeepsVersionUnknownButKeyPresent()
    {
        Assert.True(VersionedRegister.TryStep(RegisterState.Unknown, Op(OperationKind.Put, OperationOutcome.Indeterminate, value: 6), out var next));
        Assert.Equal(new RegisterState(RegisterState.UnknownPart, 6), next);
        Assert.False(VersionedRegister.TryStep(next, Op(OperationKind.Get, OperationOutcome.NotFound), out _));
        Assert.False(VersionedRegister.TryStep(next, Op(OperationKind.Put, OperationOutcome.Ok, value: 2, version: 1), out _));
        Assert.True(VersionedRegister.TryStep(next, Op(OperationKind.Put, OperationOutcome.Ok, value: 2, version: 5), out _));
    }

    [Fact]
    public void TryStep_IndeterminateConditionalPut_TakesEffectOnlyWhenItsConditionHolds()
    {
        Assert.True(VersionedRegister.TryStep(new RegisterState(1, 2), Op(OperationKind.ConditionalPut, OperationOutcome.Indeterminate, value: 3, ifVersion: 1), out var next));
        Assert.Equal(new RegisterState(2, 3), next);
        Assert.False(VersionedRegister.TryStep(new RegisterState(2, 2), Op(OperationKind.ConditionalPut, OperationOutcome.Indeterminate, value: 3, ifVersion: 1), out _));
    }
}
