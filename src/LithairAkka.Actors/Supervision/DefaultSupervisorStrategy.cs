namespace LithairAkka.Actors;

/// <summary>The default guardian strategy: <see cref="SupervisorStrategy.DefaultStrategy"/>.</summary>
public sealed class DefaultSupervisorStrategy : SupervisorStrategyConfigurator
{
    /// <inheritdoc/>
    public override SupervisorStrategy Create() => SupervisorStrategy.DefaultStrategy;
}
