using LithairAkka.Actors;
using LithairAkka.Hocon;
using LithairAkka.TestKit.Internal;

namespace LithairAkka.TestKit;

/// <summary>
/// The test kit core, framework-neutral: an actor system, a <see cref="TestActor"/> that queues what it receives
/// (and is the implicit sender of the test's Tells), and blocking/async expectations with real-time deadlines scaled
/// by <c>akka.test.timefactor</c>. One instance per test; expectations are not meant to be called concurrently.
/// </summary>
public abstract partial class TestKitBase : IDisposable
{
    private static int _testActorCounter;

    private readonly BlockingMessageQueue<MessageEnvelope> _queue = new();
    private readonly bool _ownsSystem;
    private Deadline? _end;
    private bool _disposed;

    /// <summary>Creates a new actor system for the test.</summary>
    /// <param name="config">Test configuration (over the test kit's and the runtime's defaults), or null.</param>
    /// <param name="setup">Programmatic setup (e.g. a <see cref="FakeTimeProvider"/>), or null.</param>
    /// <param name="systemName">The system name, or null for the name of the test class.</param>
    protected TestKitBase(Config? config, ActorSystemSetup? setup, string? systemName)
    {
        var effective = (config ?? Config.Empty).WithFallback(TestKitSettings.Reference);
        Sys = ActorSystem.Create(systemName ?? SystemNameFor(GetType()), effective, setup);
        _ownsSystem = true;
        TestKitSettings = TestKitSettings.Create(Sys.Settings.Config);
        TestActor = CreateTestActor("testActor" + Interlocked.Increment(ref _testActorCounter));
        EventFilter = new EventFilterFactory(this);

        // As in Akka: Tell(message) from the test body has the test actor as sender, so replies can be expected.
        ActorCell.SetImplicitSender(TestActor);
    }

    /// <summary>Attaches to an existing system (test probes).</summary>
    /// <param name="system">The system.</param>
    /// <param name="testActorName">Name of the test actor, or null for a generated one.</param>
    protected TestKitBase(ActorSystem system, string? testActorName)
    {
        Sys = system ?? throw new ArgumentNullException(nameof(system));
        TestKitSettings = TestKitSettings.Create(system.Settings.Config);
        TestActor = CreateTestActor(testActorName ?? "testProbe" + Interlocked.Increment(ref _testActorCounter));
        EventFilter = new EventFilterFactory(this);
    }

    /// <summary>The actor system under test.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The actor whose received messages the expectations read.</summary>
    public IActorRef TestActor { get; }

    /// <summary>The <c>akka.test</c> settings.</summary>
    public TestKitSettings TestKitSettings { get; }

    /// <summary>Expectations on log events and dead letters.</summary>
    public EventFilterFactory EventFilter { get; }

    /// <summary>The last message an expectation received, or null.</summary>
    public object? LastMessage { get; private set; }

    /// <summary>The sender of <see cref="LastMessage"/> (dead letters before any).</summary>
    public IActorRef LastSender { get; private set; } = ActorRefs.Nobody;

    /// <summary>Messages received but not yet consumed by an expectation.</summary>
    public int QueuedMessageCount => _queue.Count;

    /// <summary>Whether a <see cref="Within(TimeSpan, Action, string?)"/> block is active.</summary>
    public bool HasTimeLeft => _end is { } end && !end.IsOverdue;

    /// <summary>The time left in the innermost Within block, or the dilated single-expect default outside one.</summary>
    public TimeSpan RemainingOrDefault => _end is { } end ? end.Remaining : Dilated(TestKitSettings.SingleExpectDefault);

    /// <summary>The time left in the innermost Within block.</summary>
    /// <exception cref="InvalidOperationException">Outside a Within block.</exception>
    public TimeSpan Remaining => _end is { } end ? end.Remaining : throw new InvalidOperationException("Remaining may only be used inside Within.");

    /// <summary>Scales <paramref name="duration"/> by <c>akka.test.timefactor</c>.</summary>
    public TimeSpan Dilated(TimeSpan duration) =>
        duration == Timeout.InfiniteTimeSpan ? duration : TimeSpan.FromTicks((long)(duration.Ticks * TestKitSettings.TestTimeFactor));

    /// <summary>Creates an actor under <c>/user</c>.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => Sys.ActorOf(props, name);

    /// <summary>Creates an actor of type <typeparamref name="TActor"/> under <c>/user</c>.</summary>
    public IActorRef ActorOf<TActor>(string? name = null)
        where TActor : ActorBase, new() => Sys.ActorOf(Props.Create<TActor>(), name);

    /// <summary>Creates a probe: a second test actor with its own queue and the same expectation API.</summary>
    public TestProbe CreateTestProbe(string? name = null) => new(Sys, name);

    /// <summary>Makes <see cref="TestActor"/> watch <paramref name="actor"/>; a <see cref="Terminated"/> then arrives in the queue.</summary>
    public IActorRef Watch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TestActor.Tell(new TestActor.WatchCommand(actor, done), ActorRefs.NoSender);
        WaitForCommand(done.Task, "Watch");
        return actor;
    }

    /// <summary>Makes <see cref="TestActor"/> stop watching <paramref name="actor"/>.</summary>
    public IActorRef Unwatch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TestActor.Tell(new TestActor.UnwatchCommand(actor, done), ActorRefs.NoSender);
        WaitForCommand(done.Task, "Unwatch");
        return actor;
    }

    /// <summary>Terminates the test's actor system (when the kit created it) and waits for it.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Terminates the system when <paramref name="disposing"/> and the kit owns it.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        _disposed = true;
        if (_ownsSystem)
        {
            ActorCell.SetImplicitSender(null);
            Shutdown();
        }
    }

    /// <summary>Terminates the system and waits up to <paramref name="duration"/> (dilated 10 s by default).</summary>
    /// <param name="duration">How long to wait.</param>
    /// <param name="verifySystemShutdown">Fail when the system did not terminate in time.</param>
    protected void Shutdown(TimeSpan? duration = null, bool verifySystemShutdown = false)
    {
        var timeout = duration ?? Dilated(TimeSpan.FromSeconds(10));
        if (!Sys.Terminate().Wait(timeout) && verifySystemShutdown)
        {
            throw new TimeoutException($"Failed to stop [{Sys.Name}] within [{timeout}].");
        }
    }

    private static string SystemNameFor(Type type)
    {
        var name = new string(type.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        return char.IsAsciiLetterOrDigit(name[0]) ? name : "test" + name;
    }

    private IActorRef CreateTestActor(string name) =>
        Sys.ActorOf(Props.Create(() => new TestActor(_queue)), name);

    private void WaitForCommand(Task done, string command)
    {
        if (!done.Wait(Dilated(TestKitSettings.DefaultTimeout)))
        {
            Fail($"Timeout while the test actor performed {command}.");
        }
    }

    private void Remember(MessageEnvelope envelope)
    {
        LastMessage = envelope.Message;
        LastSender = envelope.Sender;
    }

    /// <summary>Throws the test framework's failure exception.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    protected static void Fail(string message) => throw new Xunit.Sdk.XunitException(message);

    /// <summary>The timeout to use: <paramref name="duration"/> dilated, or <see cref="RemainingOrDefault"/> when null.</summary>
    protected TimeSpan RemainingOrDilated(TimeSpan? duration) => duration switch
    {
        null => RemainingOrDefault,
        { } d when d == Timeout.InfiniteTimeSpan => d,
        { } d when d < TimeSpan.Zero => throw new ArgumentOutOfRangeException(nameof(duration), d, "The duration must not be negative."),
        { } d => Dilated(d),
    };
}
