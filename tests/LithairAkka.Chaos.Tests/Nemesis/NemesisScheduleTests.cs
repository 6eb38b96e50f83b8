using LithairAkka.Chaos.Nemesis;

namespace LithairAkka.Chaos.Tests.Nemesis;

public class NemesisScheduleTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Generate_WindowsAreOrderedApartAndInsideTheRun(int seed)
    {
        var options = new NemesisScheduleOptions { Nodes = 5, Total = TimeSpan.FromMinutes(2) };

        var schedule = NemesisSchedule.Generate(options, new Random(seed));

        Assert.True(schedule.Faults.Count >= 5);
        Assert.True(schedule.Faults[0].At >= options.Warmup);
        Assert.True(schedule.Faults[^1].End <= options.Total - options.Cooldown);
        for (var i = 1; i < schedule.Faults.Count; i++)
        {
            Assert.True(schedule.Faults[i].At - schedule.Faults[i - 1].End >= options.MinQuiet);
        }

        Assert.All(schedule.Faults, f => Assert.InRange(f.Duration, options.MinFault, options.MaxFault));
    }

    [Fact]
    public void Generate_SameSeed_SameSchedule()
    {
        var options = new NemesisScheduleOptions { Nodes = 3, Total = TimeSpan.FromMinutes(1) };

        Assert.Equal(NemesisSchedule.Generate(options, new Random(9)).Faults, NemesisSchedule.Generate(options, new Random(9)).Faults);
    }

    [Fact]
    public void Generate_RunShorterThanOneWindow_IsEmpty() =>
        Assert.Empty(NemesisSchedule.Generate(new NemesisScheduleOptions { Nodes = 3, Total = TimeSpan.FromSeconds(5) }, new Random(1)).Faults);

    [Fact]
    public void Generate_TooFewNodes_Throws() =>
        Assert.Throws<ArgumentException>(() => NemesisSchedule.Generate(new NemesisScheduleOptions { Nodes = 2, Total = TimeSpan.FromMinutes(1) }, new Random(1)));

    [Fact]
    public void Constructor_OverlappingWindows_Throws() =>
        Assert.Throws<ArgumentException>(() => new NemesisSchedule(
            [
                new NemesisFault(NemesisFaultKind.KillNode, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)),
                new NemesisFault(NemesisFaultKind.PauseNode, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1)),
            ],
            TimeSpan.FromMinutes(1)));
}
