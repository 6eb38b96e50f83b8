using LithairAkka.TestKit;

namespace LithairAkka.Remote.Tests.FailureDetection;

public sealed class PhiAccrualFailureDetectorTests
{
    private readonly FakeTimeProvider _clock = new();

    private PhiAccrualFailureDetector Create(double threshold = 8.0, int maxSampleSize = 1000, double minStdDeviationMs = 10,
        double acceptablePauseMs = 0, double firstEstimateMs = 1000) =>
        new(threshold, maxSampleSize, TimeSpan.FromMilliseconds(minStdDeviationMs), TimeSpan.FromMilliseconds(acceptablePauseMs),
            TimeSpan.FromMilliseconds(firstEstimateMs), _clock);

    private void Advance(double ms) => _clock.Advance(TimeSpan.FromMilliseconds(ms));

    private static double Cdf(double phi) => 1.0 - Math.Pow(10, -phi);

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(6, 0.7257)]
    [InlineData(15, 0.9332)]
    [InlineData(20, 0.97725)]
    [InlineData(25, 0.99379)]
    [InlineData(35, 0.99977)]
    [InlineData(40, 0.99997)]
    public void PhiOf_NormalDistribution_MatchesCumulativeDistribution(double timeDiff, double expectedCdf) =>
        Assert.Equal(expectedCdf, Cdf(PhiAccrualFailureDetector.PhiOf(timeDiff, 0, 10)), 3);

    [Fact]
    public void PhiOf_IncreasingTimeDiff_IsStrictlyIncreasing()
    {
        for (var x = 0; x < 40; x++)
        {
            Assert.True(PhiAccrualFailureDetector.PhiOf(x, 0, 10) < PhiAccrualFailureDetector.PhiOf(x + 1, 0, 10));
        }
    }

    [Fact]
    public void PhiOf_Outliers_DoNotOverflow()
    {
        Assert.InRange(PhiAccrualFailureDetector.PhiOf(10, 0, 1), 37.0, 39.0);
        Assert.Equal(0.0, PhiAccrualFailureDetector.PhiOf(-25, 0, 1), 10);
        Assert.False(double.IsNaN(PhiAccrualFailureDetector.PhiOf(1e6, 0, 1)));
    }

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(500, 0.1)]
    [InlineData(1000, 0.3)]
    [InlineData(1200, 1.6)]
    [InlineData(1400, 4.7)]
    [InlineData(1600, 10.8)]
    [InlineData(1700, 15.3)]
    public void PhiOf_RealisticIntervals_MatchesAkkaFigures(double timeDiff, double expectedPhi) =>
        Assert.InRange(PhiAccrualFailureDetector.PhiOf(timeDiff, 1000, 100), expectedPhi - 0.1, expectedPhi + 0.1);

    [Fact]
    public void Phi_NoHeartbeat_IsZeroAndAvailable()
    {
        var fd = Create();
        Assert.Equal(0.0, fd.Phi);
        Advance(100_000);
        Assert.Equal(0.0, fd.Phi);
        Assert.True(fd.IsAvailable);
        Assert.False(fd.IsMonitoring);
    }

    [Fact]
    public void Phi_OnlyOneHeartbeat_UsesFirstHeartbeatEstimate()
    {
        var fd = Create();
        fd.Heartbeat();
        Assert.True(fd.IsMonitoring);
        Advance(1000);
        Assert.InRange(fd.Phi, 0.1, 0.5);
        Advance(1000);
        Assert.InRange(fd.Phi, 4.2, 4.8);
        Advance(1000);
        Assert.True(fd.Phi > 15.0);
    }

    [Fact]
    public void Phi_AfterSecondHeartbeat_IsPositiveAndGrows()
    {
        var fd = Create();
        fd.Heartbeat();
        Advance(100);
        var first = fd.Phi;
        Assert.True(first > 0.0);
        fd.Heartbeat();
        Advance(100);
        Assert.True(fd.Phi > 0.0);
        Advance(100);
        Assert.True(fd.Phi > first);
    }

    [Fact]
    public void IsAvailable_RegularHeartbeats_StaysAvailable()
    {
        var fd = Create();
        for (var i = 0; i < 10; i++)
        {
            fd.Heartbeat();
            Advance(1000);
            Assert.True(fd.IsAvailable);
        }
    }

    [Fact]
    public void IsAvailable_MissedHeartbeats_FlipsToUnavailable()
    {
        var fd = Create(threshold: 3);
        fd.Heartbeat();
        Advance(1000);
        fd.Heartbeat();
        Advance(100);
        fd.Heartbeat();
        Advance(100);
        Assert.True(fd.IsAvailable);
        Advance(7000);
        Assert.False(fd.IsAvailable);
    }

    [Fact]
    public void IsAvailable_DefaultSettings_FlipsBetweenFourAndFiveSecondsOfSilence()
    {
        var settings = new ClusterFailureDetectorSettings();
        var fd = settings.CreateFailureDetector(_clock);
        for (var i = 0; i < 10; i++)
        {
            fd.Heartbeat();
            Advance(1000);
        }

        // One interval already elapsed since the last heartbeat; the acceptable pause (3 s) adds to the mean (1 s).
        Advance(3000);
        Assert.True(fd.IsAvailable);
        var phiAtFour = fd.Phi;
        Advance(1000);
        Assert.True(fd.Phi > phiAtFour);
        Assert.False(fd.IsAvailable);
    }

    [Fact]
    public void IsAvailable_ConfiguredPause_IsTolerated()
    {
        var fd = Create(acceptablePauseMs: 3000);
        foreach (var _ in Enumerable.Range(0, 4))
        {
            fd.Heartbeat();
            Advance(1000);
        }

        Advance(3000);
        Assert.True(fd.IsAvailable);
        fd.Heartbeat();
        Advance(1000);
        Assert.True(fd.IsAvailable);
    }

    [Fact]
    public void IsAvailable_LongerThanConfiguredPause_Fails()
    {
        var fd = Create(acceptablePauseMs: 3000);
        foreach (var _ in Enumerable.Range(0, 6))
        {
            fd.Heartbeat();
            Advance(1000);
        }

        Assert.True(fd.IsAvailable);
        Advance(4000);
        Assert.False(fd.IsAvailable);
    }

    [Fact]
    public void Heartbeat_AfterFailure_BecomesAvailableAgainAndLongPauseIsNotLearned()
    {
        var fd = Create(acceptablePauseMs: 3000);
        for (var i = 0; i < 1000; i++)
        {
            fd.Heartbeat();
            Advance(1000);
        }

        Advance(5 * 60 * 1000);
        Assert.False(fd.IsAvailable);
        fd.Heartbeat();
        Advance(100);
        Assert.True(fd.IsAvailable);
        Advance(900);
        fd.Heartbeat();
        Advance(7000);
        Assert.False(fd.IsAvailable);
        fd.Heartbeat();
        Advance(100);
        Assert.True(fd.IsAvailable);
    }

    [Fact]
    public void Heartbeat_MaxSampleSize_ForgetsOldIntervals()
    {
        var fd = Create(maxSampleSize: 3, minStdDeviationMs: 100, acceptablePauseMs: 0, threshold: 1000);
        for (var i = 0; i < 4; i++)
        {
            fd.Heartbeat();
            Advance(100);
        }

        var phi1 = fd.Phi;
        Advance(400);
        for (var i = 0; i < 4; i++)
        {
            fd.Heartbeat();
            Advance(500);
        }

        // The window now holds only 500 ms intervals, so 500 ms of silence weighs as 100 ms did before.
        Assert.InRange(fd.Phi, phi1 - 0.001, phi1 + 0.001);
    }

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(threshold: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(maxSampleSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(minStdDeviationMs: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(acceptablePauseMs: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(firstEstimateMs: 0));
        Assert.Throws<ArgumentNullException>(() => new PhiAccrualFailureDetector(8, 10, TimeSpan.FromSeconds(1), TimeSpan.Zero, TimeSpan.FromSeconds(1), null!));
    }

    [Fact]
    public void Heartbeat_ConcurrentCallers_KeepsDetectorConsistent()
    {
        var fd = Create();
        Parallel.For(0, 2000, i =>
        {
            fd.Heartbeat();
            _ = fd.Phi;
            _ = fd.IsAvailable;
        });
        Assert.True(fd.IsMonitoring);
        Assert.True(fd.IsAvailable);
    }
}
