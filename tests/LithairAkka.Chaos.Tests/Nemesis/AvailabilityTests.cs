using LithairAkka.Chaos.Histories;
using LithairAkka.Chaos.Nemesis;

namespace LithairAkka.Chaos.Tests.Nemesis;

public class AvailabilityTests
{
    [Fact]
    public void Compute_OperationsInsideWindowsOrGrace_AreNotCounted()
    {
        var window = new FaultWindow(NemesisFaultKind.KillLeader, "kill leader 0", 100, 200);
        Operation[] history =
        [
            Ops.Put(0, 10, 11, "a", 1),
            Ops.PutUnknown(1, 150, "b"),
            Ops.Failed(2, 220, 230, "c"),
            Ops.Failed(2, 400, 410, "d"),
            Ops.GetMissing(3, 500, 510),
        ];

        var availability = Availability.Compute(history, [window], TimeSpan.FromTicks(50));

        Assert.Equal(new Availability(3, 2), availability);
        Assert.Equal(2 / 3.0, availability.Ratio, 6);
    }

    [Fact]
    public void Split_OperationsInsideWindowsOrGrace_CountAsDuring()
    {
        var window = new FaultWindow(NemesisFaultKind.PauseNode, "pause 1", 100, 200);
        Operation[] history =
        [
            Ops.Put(0, 10, 11, "a", 1),
            Ops.PutUnknown(1, 150, "b"),
            Ops.GetMissing(2, 220, 230),
            Ops.Failed(2, 400, 410, "d"),
        ];

        var (outside, during) = Availability.Split(history, [window], TimeSpan.FromTicks(50));

        Assert.Equal(new Availability(2, 1), outside);
        Assert.Equal(new Availability(2, 1), during);
    }

    [Fact]
    public void Ratio_NoOperations_IsOne() => Assert.Equal(1, new Availability(0, 0).Ratio);
}
