namespace LithairAkka.Cmd.Palettes;

/// <summary>
/// Runs the commands of one <see cref="CommandPalette"/>: the extension point for palettes of one's own.
/// Subclass it, describe the palette in the constructor, and register an instance on the node with
/// <c>PetabridgeCmd.Get(system).RegisterCommandPalette(handler)</c>.
/// </summary>
/// <remarks>
/// <para>
/// The host parses and validates each command line against <see cref="Palette"/> before calling
/// <see cref="ExecuteAsync"/>, so a handler sees only declared commands with well-typed arguments. A handler writes
/// any number of outputs (each reaches the client at once) and returns to end the command with exit code 0; it
/// throws <see cref="CommandFailedException"/> to fail it with one line for the user. A streaming command (like
/// <c>log tail</c>) writes until <c>token</c> is cancelled, which happens when the client cancels or disconnects.
/// </para>
/// <para>
/// One instance serves every connection: <see cref="ExecuteAsync"/> may run concurrently for different clients and
/// must be thread-safe.
/// </para>
/// <example>
/// <code>
/// public sealed class GreeterCommands : CommandPaletteHandler
/// {
///     public GreeterCommands()
///         : base(new CommandPalette("greeter", "Greets people", [
///             new CommandDefinition("hello", "Says hello", [new CommandArgument("name", "Who to greet", IsRequired: true)]),
///         ]))
///     {
///     }
///
///     public override async Task ExecuteAsync(CommandInvocation invocation, CommandContext context, CancellationToken token) =>
///         await context.WriteMessageAsync($"Hello, {invocation.GetString("name")}!", token);
/// }
///
/// PetabridgeCmd.Get(system).RegisterCommandPalette(new GreeterCommands());   // then: pbm greeter hello Ada
/// </code>
/// </example>
/// </remarks>
public abstract class CommandPaletteHandler
{
    /// <summary>Creates a handler for <paramref name="palette"/>.</summary>
    /// <exception cref="ArgumentException">The palette is ill-formed (see <see cref="CommandPalette.Validate"/>).</exception>
    protected CommandPaletteHandler(CommandPalette palette)
    {
        ArgumentNullException.ThrowIfNull(palette);
        palette.Validate();
        Palette = palette;
    }

    /// <summary>The palette this handler serves.</summary>
    public CommandPalette Palette { get; }

    /// <summary>Runs one parsed command; see the class remarks for the contract.</summary>
    /// <exception cref="CommandFailedException">The command failed; the message is shown to the user.</exception>
    public abstract Task ExecuteAsync(CommandInvocation invocation, CommandContext context, CancellationToken token);
}
