using LithairAkka.Actors;
using LithairAkka.Cmd.Palettes;

namespace LithairAkka.Cmd.BuiltIn;

/// <summary>
/// The built-in <c>actor</c> palette: <c>actor hierarchy [-s PATH] [-d DEPTH]</c> lists the local actor tree under
/// PATH (default the root) down to DEPTH levels (default all); <c>actor system</c> describes the actor system.
/// Stateless and thread-safe.
/// </summary>
public sealed class ActorCommands : CommandPaletteHandler
{
    /// <summary>The palette's definition.</summary>
    public static readonly CommandPalette Definition = new(
        "actor",
        "Inspect the node's actors",
        [
            new CommandDefinition("hierarchy", "List the actor tree under a path", [
                new CommandArgument("path", "Where to start, e.g. /user (default: the root)", Switch: "-s"),
                new CommandArgument("depth", "How many levels below the start to show (default: all)", ArgumentType.Integer, Switch: "-d"),
            ]),
            new CommandDefinition("system", "Describe the actor system"),
        ]);

    /// <summary>Creates the handler.</summary>
    public ActorCommands()
        : base(Definition)
    {
    }

    /// <inheritdoc />
    public override async Task ExecuteAsync(CommandInvocation invocation, CommandContext context, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(context);
        var system = (ExtendedActorSystem)context.System;
        switch (invocation.Command.Name)
        {
            case "hierarchy":
                var depth = invocation.GetInt64("depth", long.MaxValue);
                if (depth < 0)
                {
                    throw new CommandFailedException($"-d must be 0 or more, not {depth}.");
                }

                var start = Resolve(system, invocation.GetString("path"));
                var rows = new List<IReadOnlyList<string>>();
                Walk(start, 0, depth, actor => rows.Add([actor.Path.ToStringWithoutAddress()]));
                await context.WriteTableAsync(["path"], rows, token).ConfigureAwait(false);
                break;
            default:
                var count = 0;
                Walk(system.Provider.RootGuardian, 0, long.MaxValue, _ => count++);
                var now = system.TimeProvider.GetUtcNow();
                await context.WriteRecordAsync(
                    token,
                    ("name", system.Name),
                    ("address", system.Provider.DefaultAddress.ToString()),
                    ("provider", system.Settings.ProviderName),
                    ("started", system.StartTime),
                    ("uptime", TimeSpan.FromSeconds(Math.Floor((now - system.StartTime).TotalSeconds))),
                    ("log-level", system.EventStream.LogLevel.ToString().Replace("Level", string.Empty, StringComparison.Ordinal).ToUpperInvariant()),
                    ("actors", count),
                    ("terminating", system.IsTerminating)).ConfigureAwait(false);
                break;
        }
    }

    private static IActorRef Resolve(ExtendedActorSystem system, string? path)
    {
        var root = system.Provider.RootGuardian;
        if (string.IsNullOrEmpty(path) || path == "/")
        {
            return root;
        }

        IReadOnlyList<string> elements = ActorPath.TryParse(path, out var parsed)
            ? parsed.Elements
            : path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var found = root.GetChild(elements);
        return found is LocalActorRef or IInternalActorRef { IsLocal: true } && found is not Nobody
            ? found
            : throw new CommandFailedException($"No local actor at '{path}'.");
    }

    private static void Walk(IActorRef actor, long level, long depth, Action<IActorRef> visit)
    {
        visit(actor);
        if (level >= depth || actor is not LocalActorRef local)
        {
            return;
        }

        foreach (var child in local.GetChildren(static _ => true).OrderBy(c => c.Path.Name, StringComparer.Ordinal))
        {
            Walk(child, level + 1, depth, visit);
        }
    }
}
