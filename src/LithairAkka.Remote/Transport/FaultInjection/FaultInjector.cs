using System.Collections.Immutable;
using LithairAkka.Remote.Transport.Diagnostics;
using Microsoft.Extensions.Logging;

namespace LithairAkka.Remote.Transport.FaultInjection;

/// <summary>
/// Run-time fault injection for one transport, per peer address (Akka's throttler / "gremlin" adapter idea):
/// blackhole, random drop, fixed delay. Connections stay open; affected data frames simply vanish or arrive
/// late. Backs the management routes <c>POST /_fault/blackhole?peer=HOST:PORT&amp;direction=both|send|receive</c>
/// (<see cref="Blackhole"/>), <c>/_fault/delay?peer=..&amp;ms=N</c> (<see cref="Delay"/>) and <c>/_fault/heal</c>
/// (<see cref="Heal()"/>). Peers are matched by their advertised remoting address, exactly.
/// Thread-safe; a change applies to frames sent or received after it returns (frames already queued are
/// still subject to a new blackhole or delay when the writer takes them).
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly ILogger _logger;
    private ImmutableDictionary<RemoteAddress, FaultRule> _rules = ImmutableDictionary<RemoteAddress, FaultRule>.Empty;

    internal FaultInjector(ILogger logger) => _logger = logger;

    /// <summary>The current rules, by peer.</summary>
    public IReadOnlyDictionary<RemoteAddress, FaultRule> Rules => Volatile.Read(ref _rules);

    /// <summary>True when at least one rule is set (the hot paths check this first).</summary>
    internal bool IsActive => !Volatile.Read(ref _rules).IsEmpty;

    /// <summary>Parses <c>both</c>, <c>send</c> or <c>receive</c> (case-insensitive).</summary>
    /// <exception cref="FormatException">Another value.</exception>
    public static FaultDirection ParseDirection(string value) =>
        Enum.TryParse<FaultDirection>(value, ignoreCase: true, out var direction) && Enum.IsDefined(direction) && !int.TryParse(value, out _)
            ? direction
            : throw new FormatException($"'{value}' is not a fault direction; expected both, send or receive");

    /// <summary>Drops every data frame to and/or from <paramref name="peer"/>.</summary>
    public void Blackhole(RemoteAddress peer, FaultDirection direction = FaultDirection.Both) =>
        Update(peer, rule => rule.WithBlackhole(direction));

    /// <summary>Drops a random <paramref name="fraction"/> of data frames in <paramref name="direction"/>.
    /// The sampler is seeded with <paramref name="seed"/>; it is sampled once per frame.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is not within 0..1.</exception>
    public void Drop(RemoteAddress peer, double fraction, int seed, FaultDirection direction = FaultDirection.Both)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1.0);
        Update(peer, rule => rule.WithDrop(fraction, direction, seed));
    }

    /// <summary>Delays every data frame sent to <paramref name="peer"/> by <paramref name="delay"/> (order kept);
    /// <see cref="TimeSpan.Zero"/> removes the delay. Set it on both nodes to delay both directions.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The delay is negative.</exception>
    public void Delay(RemoteAddress peer, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Update(peer, rule => rule.WithDelay(delay));
    }

    /// <summary>Removes every rule.</summary>
    public void Heal()
    {
        lock (_gate)
        {
            Volatile.Write(ref _rules, ImmutableDictionary<RemoteAddress, FaultRule>.Empty);
        }

        RemoteLogMessages.FaultsHealed(_logger, "every peer");
    }

    /// <summary>Removes the rules for <paramref name="peer"/>; false when there were none.</summary>
    public bool Heal(RemoteAddress peer)
    {
        bool removed;
        lock (_gate)
        {
            var before = _rules;
            Volatile.Write(ref _rules, before.Remove(peer));
            removed = before.ContainsKey(peer);
        }

        RemoteLogMessages.FaultsHealed(_logger, peer.ToString());
        return removed;
    }

    /// <summary>The rule for <paramref name="peer"/>, if any.</summary>
    internal FaultRule? Find(RemoteAddress peer) => Volatile.Read(ref _rules).GetValueOrDefault(peer);

    private void Update(RemoteAddress peer, Func<FaultRule, FaultRule> change)
    {
        FaultRule updated;
        lock (_gate)
        {
            updated = change(_rules.GetValueOrDefault(peer) ?? FaultRule.Empty);
            Volatile.Write(ref _rules, updated.IsEmpty ? _rules.Remove(peer) : _rules.SetItem(peer, updated));
        }

        RemoteLogMessages.FaultRuleSet(_logger, peer.ToString(), updated.ToString());
    }
}
