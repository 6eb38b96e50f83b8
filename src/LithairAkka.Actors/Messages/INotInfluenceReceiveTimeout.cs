namespace LithairAkka.Actors;

/// <summary>Marker of messages whose arrival does not reset the actor's receive timeout.</summary>
public interface INotInfluenceReceiveTimeout
{
}
