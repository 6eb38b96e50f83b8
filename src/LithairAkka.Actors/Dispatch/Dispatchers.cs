using System.Collections.Concurrent;
using LithairAkka.Hocon;

namespace LithairAkka.Actors.Dispatch;

/// <summary>
/// The registry of dispatchers and mailbox configurations of one actor system: an id is a HOCON path
/// (e.g. <c>akka.actor.default-dispatcher</c>) whose section is bound once and cached. Thread-safe.
/// </summary>
public sealed class Dispatchers
{
    /// <summary>The id of the default dispatcher.</summary>
    public const string DefaultDispatcherId = "akka.actor.default-dispatcher";

    /// <summary>The id of the dispatcher used by the runtime's own actors.</summary>
    public const string InternalDispatcherId = "akka.actor.internal-dispatcher";

    /// <summary>The id of the default mailbox.</summary>
    public const string DefaultMailboxId = "akka.actor.default-mailbox";

    private readonly Config _config;
    private readonly ConcurrentDictionary<string, Lazy<MessageDispatcher>> _dispatchers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MailboxSettings> _mailboxes = new(StringComparer.Ordinal);

    internal Dispatchers(Config config)
    {
        _config = config;
        DefaultDispatcher = Lookup(DefaultDispatcherId);
    }

    /// <summary>The default dispatcher.</summary>
    public MessageDispatcher DefaultDispatcher { get; }

    /// <summary>Returns the dispatcher configured at <paramref name="id"/>, creating it on first use.</summary>
    /// <exception cref="ConfigurationException">When no valid dispatcher section exists at <paramref name="id"/>.</exception>
    public MessageDispatcher Lookup(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var lazy = _dispatchers.GetOrAdd(id, key => new Lazy<MessageDispatcher>(() => Create(key)));
        try
        {
            return lazy.Value;
        }
        catch (ConfigurationException)
        {
            _dispatchers.TryRemove(new KeyValuePair<string, Lazy<MessageDispatcher>>(id, lazy));
            throw;
        }
    }

    /// <summary>True when a dispatcher section exists at <paramref name="id"/>.</summary>
    public bool HasDispatcher(string id) => _dispatchers.ContainsKey(id) || _config.HasPath(id);

    /// <summary>Returns the mailbox settings at <paramref name="id"/> (null: the default mailbox).</summary>
    /// <exception cref="ConfigurationException">When no valid mailbox section exists at <paramref name="id"/>.</exception>
    public MailboxSettings LookupMailbox(string? id) =>
        id is null
            ? _mailboxes.GetOrAdd(DefaultMailboxId, key => _config.HasPath(key) ? MailboxSettings.Create(_config, key) : MailboxSettings.Unbounded)
            : _mailboxes.GetOrAdd(id, key => MailboxSettings.Create(_config, key));

    internal void Shutdown()
    {
        foreach (var lazy in _dispatchers.Values)
        {
            if (lazy.IsValueCreated)
            {
                lazy.Value.Shutdown();
            }
        }
    }

    private MessageDispatcher Create(string id)
    {
        var settings = DispatcherSettings.Create(_config, id);
        return settings.Type switch
        {
            "PinnedDispatcher" => new PinnedDispatcher(settings),
            "ForkJoinDispatcher" => new ForkJoinDispatcher(settings),
            _ => new ThreadPoolDispatcher(settings),
        };
    }
}
