namespace LithairAkka.Actors;

/// <summary>Marker of messages the actor cell handles itself before the actor's behaviour sees them.</summary>
public interface IAutoReceivedMessage
{
}
