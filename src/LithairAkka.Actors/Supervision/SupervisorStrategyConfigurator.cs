namespace LithairAkka.Actors;

/// <summary>
/// Creates the strategy of the user guardian (<c>/user</c>), named by <c>akka.actor.guardian-supervisor-strategy</c>.
/// </summary>
public abstract class SupervisorStrategyConfigurator
{
    /// <summary>Creates the strategy.</summary>
    public abstract SupervisorStrategy Create();

    /// <summary>Resolves a configurator type name (built-in short names are accepted).</summary>
    /// <exception cref="LithairAkka.Hocon.ConfigurationException">When the type cannot be loaded.</exception>
    public static SupervisorStrategyConfigurator FromName(string typeName)
    {
        ArgumentException.ThrowIfNullOrEmpty(typeName);
        return typeName switch
        {
            "LithairAkka.Actors.DefaultSupervisorStrategy" or "Akka.Actor.DefaultSupervisorStrategy" or "default" => new DefaultSupervisorStrategy(),
            "LithairAkka.Actors.StoppingSupervisorStrategy" or "Akka.Actor.StoppingSupervisorStrategy" or "stopping" => new StoppingSupervisorStrategy(),
            _ => Type.GetType(typeName, throwOnError: false) is { } type && typeof(SupervisorStrategyConfigurator).IsAssignableFrom(type)
                ? (SupervisorStrategyConfigurator)Activator.CreateInstance(type)!
                : throw new LithairAkka.Hocon.ConfigurationException(
                    $"'akka.actor.guardian-supervisor-strategy' names [{typeName}], which is not a loadable SupervisorStrategyConfigurator."),
        };
    }
}
