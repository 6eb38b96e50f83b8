using LithairAkka.Actors.Event;
using Xunit.Abstractions;
using MsLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace LithairAkka.Actors.Tests;

public class LoggingAdapterTests : LithairAkka.TestKit.Xunit2.TestKit
{
    private readonly CapturingLoggerFactory _loggers;

    public LoggingAdapterTests(ITestOutputHelper output)
        : this(new CapturingLoggerFactory(), output)
    {
    }

    private LoggingAdapterTests(CapturingLoggerFactory loggers, ITestOutputHelper output)
        : base(LithairAkka.Hocon.ConfigurationFactory.ParseString("akka.loglevel = DEBUG"), ActorSystemSetup.Empty.WithLoggerFactory(loggers), output)
    {
        _loggers = loggers;
    }

    private sealed class Chatty : ReceiveActor
    {
        private readonly ILoggingAdapter _log = Context.GetLogger();

        public Chatty()
        {
            Receive<string>(s => s == "info", _ => _log.Info("Hello {Name}, you are {Age}", "ada", 36));
            Receive<string>(s => s == "debug", _ => _log.Debug("Debugging {Thing}", "x"));
            Receive<string>(s => s == "warning", _ => _log.Warning("Careful"));
            Receive<string>(s => s == "error", _ => _log.Error(new InvalidOperationException("bad"), "Broke {Part}", "wheel"));
        }
    }

    [Fact]
    public void Info_WritesStructuredEntryToILogger()
    {
        var actor = Sys.ActorOf(Props.Create<Chatty>(), "chatty");

        EventFilter.Info(message: "Hello ada, you are 36").ExpectOne(() => actor.Tell("info"));

        var entry = Assert.Single(_loggers.Entries, e => e.Message.Contains("Hello ada", StringComparison.Ordinal));
        Assert.Equal(MsLogLevel.Information, entry.Level);
        Assert.Equal(typeof(Chatty).FullName, entry.Category);
        Assert.Equal("ada", entry.State["Name"]);
        Assert.Equal(36, entry.State["Age"]);
        Assert.Equal(actor.Path.ToString(), entry.State["LogSource"]);
        Assert.Equal("Hello {Name}, you are {Age}", entry.State["{OriginalFormat}"]);
    }

    [Fact]
    public void Error_CarriesException()
    {
        var actor = Sys.ActorOf(Props.Create<Chatty>());

        EventFilter.Error<InvalidOperationException>(contains: "wheel").ExpectOne(() => actor.Tell("error"));

        var entry = Assert.Single(_loggers.Entries, e => e.Level == MsLogLevel.Error && e.Message.Contains("wheel", StringComparison.Ordinal));
        Assert.IsType<InvalidOperationException>(entry.Exception);
    }

    [Fact]
    public void Debug_And_Warning_ArePublished()
    {
        var actor = Sys.ActorOf(Props.Create<Chatty>());

        EventFilter.Debug(start: "Debugging").ExpectOne(() => actor.Tell("debug"));
        EventFilter.Warning(message: "Careful").ExpectOne(() => actor.Tell("warning"));
    }

    [Fact]
    public void EventFilter_SourceMismatch_DoesNotCount()
    {
        var actor = Sys.ActorOf(Props.Create<Chatty>(), "source");

        EventFilter.Warning(source: "akka://elsewhere/user/x").Expect(0, () => actor.Tell("warning"), TimeSpan.FromMilliseconds(200));
        EventFilter.Warning(source: actor.Path.ToString()).ExpectOne(() => actor.Tell("warning"));
    }

    [Fact]
    public void LogLevel_BelowConfigured_IsDropped()
    {
        using var system = ActorSystem.Create("quiet", LithairAkka.Hocon.ConfigurationFactory.ParseString("akka.loglevel = WARNING"));
        var log = system.GetLogger("test", typeof(LoggingAdapterTests));
        system.EventStream.Subscribe(TestActor, typeof(LogEvent));

        log.Info("dropped");
        log.Warning("kept {Value}", 1);

        Assert.False(log.IsInfoEnabled);
        Assert.True(log.IsWarningEnabled);
        Assert.Equal("kept 1", ExpectMsg<Warning>().Message);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void LogMessageFormatter_FillsHolesAndEscapes()
    {
        Assert.Equal("a 1 {b} c", LogMessageFormatter.Format("a {X} {{b}} c", [1]));
        Assert.Equal("v=1.50", LogMessageFormatter.Format("v={V:0.00}", [1.5]));
        Assert.Equal("missing {Y}", LogMessageFormatter.Format("missing {Y}", []));
        Assert.Equal(["X", "V"], LogMessageFormatter.HoleNames("{X} and {V:0.0} {{not}}"));
    }

    [Fact]
    public void SetLogLevel_Raised_ExistingAdaptersDropEntriesBelowIt()
    {
        var log = Sys.GetLogger("level-test", typeof(LoggingAdapterTests));
        Assert.True(log.IsDebugEnabled);

        Sys.EventStream.SetLogLevel(LogLevel.WarningLevel);

        Assert.Equal(LogLevel.WarningLevel, Sys.EventStream.LogLevel);
        Assert.False(log.IsInfoEnabled);
        Assert.True(log.IsWarningEnabled);
        EventFilter.Info(contains: "dropped").Expect(0, () => log.Info("dropped"));
    }

    [Fact]
    public void SetLogLevel_UndefinedLevel_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Sys.EventStream.SetLogLevel((LogLevel)42));

    [Fact]
    public void LoggingAdapter_FixedLevel_IgnoresTheEventStreamLevel()
    {
        var adapter = new LoggingAdapter(
            Sys.EventStream,
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance,
            TimeProvider.System,
            LogLevel.ErrorLevel,
            "fixed",
            typeof(LoggingAdapterTests));

        Sys.EventStream.SetLogLevel(LogLevel.DebugLevel);

        Assert.False(adapter.IsWarningEnabled);
        Assert.True(adapter.IsErrorEnabled);
    }
}
