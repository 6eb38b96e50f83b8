namespace LithairAkka.Actors;

/// <summary>Base of programmatic settings that other layers carry in an <see cref="ActorSystemSetup"/>.</summary>
public abstract class Setup
{
}
