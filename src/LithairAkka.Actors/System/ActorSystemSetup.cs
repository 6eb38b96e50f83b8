using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LithairAkka.Actors;

/// <summary>
/// Programmatic inputs of an actor system that HOCON cannot carry: the <see cref="TimeProvider"/> (fake in tests),
/// the <see cref="ILoggerFactory"/>, provider factories keyed by <c>akka.actor.provider</c> names, and
/// <see cref="Setup"/> objects of other layers. Immutable; each <c>With</c> returns a copy.
/// </summary>
public sealed class ActorSystemSetup
{
    private readonly ImmutableDictionary<Type, Setup> _setups;
    private readonly ImmutableDictionary<string, ActorRefProviderFactory> _providers;

    private ActorSystemSetup(TimeProvider timeProvider, ILoggerFactory loggerFactory, ImmutableDictionary<Type, Setup> setups, ImmutableDictionary<string, ActorRefProviderFactory> providers)
    {
        TimeProvider = timeProvider;
        LoggerFactory = loggerFactory;
        _setups = setups;
        _providers = providers;
    }

    /// <summary>System time, no logging output, no extra setups.</summary>
    public static ActorSystemSetup Empty { get; } = new(
        TimeProvider.System,
        NullLoggerFactory.Instance,
        ImmutableDictionary<Type, Setup>.Empty,
        ImmutableDictionary.Create<string, ActorRefProviderFactory>(StringComparer.Ordinal));

    /// <summary>The clock and timer source of the system (scheduler, timers, timeouts).</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Where the logging adapter writes.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Returns a copy with <paramref name="timeProvider"/>.</summary>
    public ActorSystemSetup WithTimeProvider(TimeProvider timeProvider) =>
        new(timeProvider ?? throw new ArgumentNullException(nameof(timeProvider)), LoggerFactory, _setups, _providers);

    /// <summary>Returns a copy with <paramref name="loggerFactory"/>.</summary>
    public ActorSystemSetup WithLoggerFactory(ILoggerFactory loggerFactory) =>
        new(TimeProvider, loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory)), _setups, _providers);

    /// <summary>Registers the provider used when <c>akka.actor.provider</c> equals <paramref name="name"/>.</summary>
    public ActorSystemSetup WithActorRefProvider(string name, ActorRefProviderFactory factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(factory);
        return new(TimeProvider, LoggerFactory, _setups, _providers.SetItem(name, factory));
    }

    /// <summary>Returns a copy carrying <paramref name="setup"/> (replacing one of the same type).</summary>
    public ActorSystemSetup And(Setup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new(TimeProvider, LoggerFactory, _setups.SetItem(setup.GetType(), setup), _providers);
    }

    /// <summary>The setup of type <typeparamref name="T"/>, or null.</summary>
    public T? Get<T>()
        where T : Setup => _setups.TryGetValue(typeof(T), out var setup) ? (T)setup : null;

    /// <summary>The provider factory registered for <paramref name="name"/>, or null.</summary>
    public ActorRefProviderFactory? GetActorRefProvider(string name) => _providers.GetValueOrDefault(name);
}
