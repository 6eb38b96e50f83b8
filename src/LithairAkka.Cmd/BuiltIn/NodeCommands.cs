using System.Diagnostics;
using System.Runtime.InteropServices;
using LithairAkka.Actors;
using LithairAkka.Cmd.Palettes;

namespace LithairAkka.Cmd.BuiltIn;

/// <summary>The built-in <c>node</c> palette: <c>node info</c> describes the node and its process. Thread-safe.</summary>
public sealed class NodeCommands : CommandPaletteHandler
{
    /// <summary>The palette's definition.</summary>
    public static readonly CommandPalette Definition = new(
        "node", "Inspect the node", [new CommandDefinition("info", "Describe the node, its process and its command host")]);

    private readonly PetabridgeCmd _cmd;

    /// <summary>Creates the handler for the node served by <paramref name="cmd"/>.</summary>
    public NodeCommands(PetabridgeCmd cmd)
        : base(Definition)
    {
        ArgumentNullException.ThrowIfNull(cmd);
        _cmd = cmd;
    }

    /// <inheritdoc />
    public override async Task ExecuteAsync(CommandInvocation invocation, CommandContext context, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(context);
        var system = (ExtendedActorSystem)context.System;
        using var process = Process.GetCurrentProcess();
        var now = system.TimeProvider.GetUtcNow();
        await context.WriteRecordAsync(
            token,
            ("node", system.Name),
            ("address", system.Provider.DefaultAddress.ToString()),
            ("cmd-endpoint", _cmd.LocalEndPoint?.ToString()),
            ("palettes", string.Join(", ", _cmd.Palettes.Select(p => p.Name))),
            ("started", system.StartTime),
            ("uptime", TimeSpan.FromSeconds(Math.Floor((now - system.StartTime).TotalSeconds))),
            ("pid", Environment.ProcessId),
            ("machine", Environment.MachineName),
            ("os", RuntimeInformation.OSDescription),
            ("runtime", RuntimeInformation.FrameworkDescription),
            ("processors", Environment.ProcessorCount),
            ("working-set-bytes", process.WorkingSet64),
            ("gc-heap-bytes", GC.GetTotalMemory(forceFullCollection: false)),
            ("threads", process.Threads.Count)).ConfigureAwait(false);
    }
}
