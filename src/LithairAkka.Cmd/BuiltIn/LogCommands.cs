using System.Threading.Channels;
using LithairAkka.Actors;
using LithairAkka.Actors.Event;
using LithairAkka.Cmd.Palettes;

namespace LithairAkka.Cmd.BuiltIn;

/// <summary>
/// The built-in <c>log</c> palette. <c>log tail [-l LEVEL]</c> streams the node's log events (those of its logging
/// adapters, published on the event stream) until the client cancels; <c>log level [LEVEL]</c> shows or changes the
/// node's log level at run time (<see cref="EventStream.SetLogLevel"/>). Thread-safe.
/// </summary>
public sealed class LogCommands : CommandPaletteHandler
{
    /// <summary>The level names, after <c>akka.loglevel</c>.</summary>
    public static readonly IReadOnlyList<string> Levels = ["DEBUG", "INFO", "WARNING", "ERROR", "OFF"];

    /// <summary>The palette's definition.</summary>
    public static readonly CommandPalette Definition = new(
        "log",
        "Follow and tune the node's logging",
        [
            new CommandDefinition("tail", "Stream log events until cancelled (Ctrl-C)", [
                new CommandArgument("level", "Only events at this level or above", Switch: "-l", AllowedValues: Levels),
            ]),
            new CommandDefinition("level", "Show, or set, the node's log level", [
                new CommandArgument("level", "The new level", AllowedValues: Levels),
            ]),
        ]);

    /// <summary>Events buffered per tail before the oldest are dropped (a slow client must not grow the node's memory).</summary>
    private const int TailBuffer = 1024;

    /// <summary>Creates the handler.</summary>
    public LogCommands()
        : base(Definition)
    {
    }

    /// <summary>The name of <paramref name="level"/> as <c>akka.loglevel</c> spells it.</summary>
    public static string NameOf(LogLevel level) => Levels[(int)level];

    /// <inheritdoc />
    public override async Task ExecuteAsync(CommandInvocation invocation, CommandContext context, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(context);
        var stream = context.System.EventStream;
        if (invocation.Command.Name == "level")
        {
            if (invocation.GetString("level") is { } name)
            {
                var previous = stream.LogLevel;
                stream.SetLogLevel(Parse(name));
                await context.WriteRecordAsync(token, ("previous", NameOf(previous)), ("level", NameOf(stream.LogLevel))).ConfigureAwait(false);
            }
            else
            {
                await context.WriteRecordAsync(token, ("level", NameOf(stream.LogLevel))).ConfigureAwait(false);
            }

            return;
        }

        await TailAsync(context, Parse(invocation.GetString("level") ?? "DEBUG"), token).ConfigureAwait(false);
    }

    private static async Task TailAsync(CommandContext context, LogLevel minimum, CancellationToken token)
    {
        var channel = Channel.CreateBounded<LogEvent>(new BoundedChannelOptions(TailBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        var tail = context.System.ActorOf(Props.Create(() => new LogTailActor(channel.Writer)), $"pbm-log-tail-{Guid.NewGuid():N}");
        try
        {
            await context.WriteMessageAsync(
                $"Tailing log events at {NameOf(minimum)} and above (node level {NameOf(context.System.EventStream.LogLevel)}); Ctrl-C to stop.",
                token).ConfigureAwait(false);
            await foreach (var logEvent in channel.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                if (logEvent.LogLevel >= minimum)
                {
                    await context.Output.WriteAsync(Format(logEvent), token).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            context.System.Stop(tail);
        }
    }

    private static CommandOutput Format(LogEvent e)
    {
        var time = CommandOutput.Format(e.Timestamp);
        var level = NameOf(e.LogLevel);
        var text = $"[{time}] [{level}] [{e.LogSource}] {e.Message}" + (e.Cause is { } cause ? $" ({cause.GetType().Name}: {cause.Message})" : string.Empty);
        return CommandOutput.Message(text, [
            new OutputField("timestamp", time),
            new OutputField("level", level),
            new OutputField("source", e.LogSource),
            new OutputField("message", e.Message),
            new OutputField("cause", e.Cause?.ToString() ?? string.Empty),
        ]);
    }

    private static LogLevel Parse(string name) => (LogLevel)Levels.ToList().FindIndex(l => string.Equals(l, name, StringComparison.OrdinalIgnoreCase));
}
