namespace LithairAkka.Remote.Tests.DeathWatch;

public sealed class PhiAccrualFailureDetectorTests
{
    private static PhiAccrualFailureDetector Detector(double pauseSeconds = 0) => new(
        threshold: 8.0, maxSampleSize: 100, minStdDeviation: TimeSpan.FromMilliseconds(100),
        acceptableHeartbeatPause: TimeSpan.FromSeconds(pauseSeconds), firstHeartbeatEstimate: TimeSpan.FromSeconds(1));

    [Fact]
    public void IsAvailable_BeforeAnyHeartbeat_IsTrueAndNotMonitoring()
    {
        var detector = Detector();

        Assert.False(detector.IsMonitoring);
        Assert.True(detector.IsAvailable(TimeSpan.FromHours(1)));
        Assert.Equal(0, detector.Phi(TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Phi_RegularHeartbeats_StaysLowThenClimbsWithSilence()
    {
        var detector = Detector();
        var now = TimeSpan.Zero;
        for (var i = 0; i < 20; i++)
        {
            detector.Heartbeat(now);
            now += TimeSpan.FromSeconds(1);
        }

        Assert.True(detector.IsAvailable(now));
        Assert.True(detector.Phi(now + TimeSpan.FromSeconds(1)) > detector.Phi(now));
        Assert.False(detector.IsAvailable(now + TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void IsAvailable_PauseWithinAcceptableHeartbeatPause_IsTolerated()
    {
        var patient = Detector(pauseSeconds: 10);
        var strict = Detector();
        for (var i = 0; i < 10; i++)
        {
            patient.Heartbeat(TimeSpan.FromSeconds(i));
            strict.Heartbeat(TimeSpan.FromSeconds(i));
        }

        var afterPause = TimeSpan.FromSeconds(9 + 8);

        Assert.True(patient.IsAvailable(afterPause));
        Assert.False(strict.IsAvailable(afterPause));
    }

    [Fact]
    public void Heartbeat_AfterAnOutage_DoesNotTeachTheOutageAsNormal()
    {
        var detector = Detector();
        for (var i = 0; i < 10; i++)
        {
            detector.Heartbeat(TimeSpan.FromSeconds(i));
        }

        detector.Heartbeat(TimeSpan.FromSeconds(100));

        Assert.False(detector.IsAvailable(TimeSpan.FromSeconds(106)));
    }

    [Fact]
    public void Phi_Formula_MatchesTheLogisticApproximationAroundTheMean()
    {
        Assert.Equal(-Math.Log10(0.5), PhiAccrualFailureDetector.Phi(1000, 1000, 100), 3);
        Assert.True(PhiAccrualFailureDetector.Phi(2000, 1000, 100) > 10);
        Assert.True(PhiAccrualFailureDetector.Phi(500, 1000, 100) < 0.01);
    }
}
