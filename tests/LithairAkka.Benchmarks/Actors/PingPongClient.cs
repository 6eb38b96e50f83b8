using LithairAkka.Actors;

namespace LithairAkka.Benchmarks.Actors;

/// <summary>Sends a window of messages to its echo and refills it on every reply until the round count is reached.</summary>
internal sealed class PingPongClient : ReceiveActor
{
    private readonly IActorRef _echo;
    private long _remainingToSend;
    private long _remainingToReceive;
    private TaskCompletionSource? _done;

    public PingPongClient(IActorRef echo)
    {
        _echo = echo;
        Receive<Run>(OnRun);
        Receive<Ball>(OnBall);
    }

    private void OnRun(Run run)
    {
        _done = run.Done;
        _remainingToSend = run.RoundTrips;
        _remainingToReceive = run.RoundTrips;
        var window = Math.Min(run.Window, run.RoundTrips);
        for (var i = 0; i < window; i++)
        {
            _echo.Tell(Ball.Instance, Self);
            _remainingToSend--;
        }
    }

    private void OnBall(Ball ball)
    {
        if (_remainingToSend > 0)
        {
            _echo.Tell(ball, Self);
            _remainingToSend--;
        }
        if (--_remainingToReceive == 0)
        {
            _done?.TrySetResult();
        }
    }

    /// <summary>Starts a run of <paramref name="RoundTrips"/> round trips with <paramref name="Window"/> in flight.</summary>
    internal sealed record Run(long RoundTrips, int Window, TaskCompletionSource Done);

    /// <summary>The message bounced between client and echo; one shared instance, so nothing allocates per hop.</summary>
    internal sealed class Ball
    {
        public static readonly Ball Instance = new();
    }
}
