using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using LithairAkka.Actors.Dispatch;
using LithairAkka.Actors.Event;
using LithairAkka.Hocon;
using Microsoft.Extensions.Logging;

namespace LithairAkka.Actors;

/// <summary>The actor system implementation: wires settings, dispatchers, scheduler, event stream and provider.</summary>
internal sealed partial class ActorSystemImpl : ExtendedActorSystem
{
    private static readonly Lazy<Config> ReferenceLazy = new(() => ConfigurationFactory.FromResource("reference.conf", typeof(ActorSystemImpl).Assembly));

    private readonly ConcurrentDictionary<Type, Lazy<object>> _extensions = new();
    private readonly ConcurrentDictionary<Type, ILogger> _loggers = new();
    private readonly TaskCompletionSource _whenTerminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeProviderScheduler _scheduler;
    private readonly IActorRefProvider _provider;
    private readonly ILoggingAdapter _log;
    private int _terminating;

    internal ActorSystemImpl(string name, Config config, ActorSystemSetup setup)
    {
        if (string.IsNullOrEmpty(name) || !SystemNameRegex().IsMatch(name))
        {
            throw new ArgumentException(
                $"Invalid actor system name [{name}]: use letters, digits, '-' and '_', starting with a letter or digit.", nameof(name));
        }

        Name = name;
        Setup = setup;
        TimeProvider = setup.TimeProvider;
        LoggerFactory = setup.LoggerFactory;
        Settings = ActorSystemSettings.Create(name, config.WithFallback(Reference));
        StartTime = TimeProvider.GetUtcNow();
        EventStream = new EventStream();
        EventStream.SetLogLevel(Settings.LogLevel);
        Dispatchers = new Dispatchers(Settings.Config);
        _log = LogFor($"ActorSystem({name})", typeof(ActorSystem));
        _scheduler = new TimeProviderScheduler(TimeProvider, _log);
        _provider = CreateProvider();
    }

    internal static Config Reference => ReferenceLazy.Value;

    public override string Name { get; }

    public override ActorSystemSettings Settings { get; }

    public override ActorSystemSetup Setup { get; }

    public override EventStream EventStream { get; }

    public override IActorRef DeadLetters => _provider.DeadLetters;

    public override IScheduler Scheduler => _scheduler;

    public override Dispatchers Dispatchers { get; }

    public override TimeProvider TimeProvider { get; }

    public override ILoggerFactory LoggerFactory { get; }

    public override ILoggingAdapter Log => _log;

    public override DateTimeOffset StartTime { get; }

    public override Task WhenTerminated => _whenTerminated.Task;

    public override IActorRefProvider Provider => _provider;

    public override IInternalActorRef Guardian => _provider.Guardian;

    public override IInternalActorRef SystemGuardian => _provider.SystemGuardian;

    public override bool IsTerminating => Volatile.Read(ref _terminating) != 0;

    internal void Start()
    {
        _provider.Init(this);
        _provider.TerminationTask.ContinueWith(
            static (_, state) => ((ActorSystemImpl)state!).FinishTermination(),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        EventStream.StartUnsubscriber(SystemActorOf(Props.Create(() => new EventStreamUnsubscriber(EventStream)), "EventStreamUnsubscriber"));
        if (Settings.LogDeadLetters > 0)
        {
            SystemActorOf(Props.Create(() => new DeadLetterListener(this)), "deadLetterListener");
        }

        if (Settings.LogConfigOnStart)
        {
            _log.Info("Configuration: {Config}", Settings.Config.Render());
        }

        CoordinatedShutdown.Get(this);
        LoadConfiguredExtensions();
    }

    public override IActorRef ActorOf(Props props, string? name = null) => _provider.Guardian.Cell.AttachChild(props, name);

    public override IActorRef SystemActorOf(Props props, string? name = null) => _provider.SystemGuardian.Cell.AttachChild(props, name, systemService: true);

    public override ActorSelection ActorSelection(string path) => Actors.ActorSelection.Create(_provider.RootGuardian, _provider, path);

    public override ActorSelection ActorSelection(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new ActorSelection(_provider.RootGuardianAt(path.Address), path.Elements);
    }

    public override void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ((IInternalActorRef)actor).Stop();
    }

    public override Task Terminate()
    {
        if (Settings.CoordinatedShutdownRunByActorSystemTerminate && !WhenTerminated.IsCompleted)
        {
            _ = CoordinatedShutdown.Get(this).Run(CoordinatedShutdown.ActorSystemTerminateReason.Instance);
            return WhenTerminated;
        }

        return FinalTerminate();
    }

    public override Task FinalTerminate()
    {
        if (Interlocked.Exchange(ref _terminating, 1) == 0)
        {
            _log.Debug("System shutting down");
            _provider.Guardian.Stop();
        }

        return WhenTerminated;
    }

    internal LoggingAdapter LogFor(string logSource, Type logClass) =>
        new(EventStream, _loggers.GetOrAdd(logClass, static (type, factory) => factory.CreateLogger(type.FullName ?? type.Name), LoggerFactory), TimeProvider, logSource, logClass);

    private void FinishTermination()
    {
        Volatile.Write(ref _terminating, 1);
        _scheduler.Dispose();
        Dispatchers.Shutdown();
        _whenTerminated.TrySetResult();
    }

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_-]*$")]
    private static partial Regex SystemNameRegex();
}
