namespace LithairAkka.Actors;

/// <summary>Marker for refs whose actor lives in this process.</summary>
public interface ILocalActorRef : IInternalActorRef
{
}
