namespace LithairAkka.Actors;

/// <summary>A guardian strategy that stops failing top-level actors.</summary>
public sealed class StoppingSupervisorStrategy : SupervisorStrategyConfigurator
{
    /// <inheritdoc/>
    public override SupervisorStrategy Create() => SupervisorStrategy.StoppingStrategy;
}
