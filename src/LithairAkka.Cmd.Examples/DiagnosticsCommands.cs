using System.Globalization;
using LithairAkka.Actors;
using LithairAkka.Cmd.Palettes;

namespace LithairAkka.Cmd.Examples;

/// <summary>
/// An example of a palette of one's own: <c>diagnostics ping [-c COUNT]</c> measures how fast the node's actor system
/// answers (an <see cref="Identify"/> round trip to <c>/user</c>), and <c>diagnostics echo TEXT</c> answers its
/// argument. Enable it on a node with
/// <c>petabridge.cmd.palettes = ["LithairAkka.Cmd.Examples.DiagnosticsCommands, LithairAkka.Cmd.Examples"]</c>, then
/// run <c>pbm 127.0.0.1:9110 diagnostics ping -c 5</c>. Stateless and thread-safe.
/// </summary>
public sealed class DiagnosticsCommands : CommandPaletteHandler
{
    /// <summary>The most round trips one <c>ping</c> makes.</summary>
    public const int MaxCount = 100;

    /// <summary>The palette's definition.</summary>
    public static readonly CommandPalette Definition = new("diagnostics", "Example palette: responsiveness of this node's actor system",
    [
        new CommandDefinition("ping", "Time COUNT Identify round trips to /user (default 3)", [new CommandArgument("count", "How many round trips, 1 to 100", ArgumentType.Integer, Switch: "-c")]),
        new CommandDefinition("echo", "Answer TEXT", [new CommandArgument("text", "What to answer", IsRequired: true)]),
    ]);

    private readonly ActorSystem _system;

    /// <summary>Creates the palette for <paramref name="system"/> (the host passes its actor system).</summary>
    public DiagnosticsCommands(ActorSystem system)
        : base(Definition)
    {
        ArgumentNullException.ThrowIfNull(system);
        _system = system;
    }

    /// <inheritdoc />
    /// <exception cref="CommandFailedException">The count is out of range, or the actor system did not answer in time.</exception>
    public override async Task ExecuteAsync(CommandInvocation invocation, CommandContext context, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(context);
        if (invocation.Command.Name == "echo")
        {
            await context.WriteMessageAsync(invocation.GetString("text") ?? string.Empty, token).ConfigureAwait(false);
            return;
        }

        var count = invocation.GetInt64("count", 3);
        if (count is < 1 or > MaxCount)
        {
            throw new CommandFailedException($"-c must be from 1 to {MaxCount}, not {count}.");
        }

        var rows = new List<IReadOnlyList<string>>();
        var time = _system.TimeProvider;
        var user = _system.ActorSelection("/user");
        for (var i = 1; i <= count; i++)
        {
            var started = time.GetTimestamp();
            ActorIdentity identity;
            try
            {
                identity = await user.Ask<ActorIdentity>(new Identify(i), context.AskTimeout, token).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new CommandFailedException($"the actor system did not answer ping {i} within {context.AskTimeout.TotalSeconds:0.#} s.");
            }

            var elapsed = time.GetElapsedTime(started);
            rows.Add([
                i.ToString(CultureInfo.InvariantCulture),
                identity.Subject?.Path.ToString() ?? "(none)",
                elapsed.TotalMilliseconds.ToString("0.000", CultureInfo.InvariantCulture)]);
        }

        await context.WriteTableAsync(["seq", "actor", "latency-ms"], rows, token).ConfigureAwait(false);
    }
}
