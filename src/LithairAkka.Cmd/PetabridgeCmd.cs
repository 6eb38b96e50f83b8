using System.Collections.Immutable;
using System.Net;
using LithairAkka.Actors;
using LithairAkka.Actors.Event;
using LithairAkka.Cmd.BuiltIn;
using LithairAkka.Cmd.Hosting;
using LithairAkka.Cmd.Palettes;
using LithairAkka.Cmd.Protocol;

namespace LithairAkka.Cmd;

/// <summary>
/// The command host of a node (after Petabridge.Cmd): listens on <c>petabridge.cmd.host</c>:<c>port</c> and serves
/// the registered command palettes to <c>pbm</c> clients, one handler actor per connection.
/// </summary>
/// <remarks>
/// <para>
/// Built in: <c>actor</c>, <c>node</c>, <c>log</c>, <c>help</c>, and <c>cluster-sharding</c> answering "not enabled" unless
/// a sharding palette is registered before <see cref="StartAsync"/>. A node adds others (<c>replication</c>, its own)
/// with <see cref="RegisterCommandPalette"/>, before or after <see cref="StartAsync"/>; a client sees the palettes
/// registered when it connected.
/// </para>
/// <code>
/// var cmd = PetabridgeCmd.Get(system);
/// cmd.RegisterCommandPalette(new ReplicationCommands(replicaGroup));
/// cmd.RegisterCommandPalette(new MyCommands());
/// await cmd.StartAsync();
/// </code>
/// <para>Thread-safe. The listener closes in the <c>service-unbind</c> phase of <c>CoordinatedShutdown</c>.</para>
/// </remarks>
public sealed partial class PetabridgeCmd : IExtension
{
    private readonly ExtendedActorSystem _system;
    private readonly ILoggingAdapter _log;
    private readonly Lock _lock = new();
    private ImmutableDictionary<string, CommandPaletteHandler> _handlers =
        ImmutableDictionary.Create<string, CommandPaletteHandler>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the extension for <paramref name="system"/>; prefer <see cref="Get"/>.</summary>
    /// <exception cref="LithairAkka.Hocon.ConfigurationException">The <c>petabridge.cmd</c> section is invalid.</exception>
    public PetabridgeCmd(ExtendedActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _system = system;
        _log = system.GetLogger("PetabridgeCmd", typeof(PetabridgeCmd));
        Settings = PetabridgeCmdSettings.FromConfig(system.Settings.Config);
        RegisterCommandPalette(new ActorCommands());
        RegisterCommandPalette(new NodeCommands(this));
        RegisterCommandPalette(new LogCommands());
    }

    /// <summary>The bound <c>petabridge.cmd</c> settings.</summary>
    public PetabridgeCmdSettings Settings { get; }

    /// <summary>The registered palettes, by name.</summary>
    public IReadOnlyList<CommandPalette> Palettes =>
        Volatile.Read(ref _handlers).Values.Select(h => h.Palette).OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();

    /// <summary>Returns the command host of <paramref name="system"/>, creating it (not started) on first use.</summary>
    public static PetabridgeCmd Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<PetabridgeCmd, PetabridgeCmdExtension>();
    }

    /// <summary>
    /// Registers <paramref name="handler"/>'s palette. Returns false, registering nothing, when a palette of that name
    /// is already registered. Thread-safe; takes effect for clients that connect afterwards.
    /// </summary>
    /// <exception cref="ArgumentException">The palette is called <c>help</c>, which the host answers itself.</exception>
    public bool RegisterCommandPalette(CommandPaletteHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (string.Equals(handler.Palette.Name, CmdProtocol.HelpCommand, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("The name 'help' is reserved for the host's own help command.", nameof(handler));
        }

        lock (_lock)
        {
            if (_handlers.ContainsKey(handler.Palette.Name))
            {
                return false;
            }

            _handlers = _handlers.Add(handler.Palette.Name, handler);
            return true;
        }
    }

    internal ImmutableDictionary<string, CommandPaletteHandler> Handlers => Volatile.Read(ref _handlers);

    internal ActorSystem System => _system;

    internal ILoggingAdapter Log => _log;

    internal string NodeAddress => _system.Provider.DefaultAddress.ToString();

    /// <summary>The endpoint listened on once started (with the real port when <c>port = 0</c>), else null.</summary>
    public IPEndPoint? LocalEndPoint { get; private set; }
}
