namespace LithairAkka.Actors;

/// <summary>Marker of messages that are not logged when they end up in dead letters.</summary>
public interface IDeadLetterSuppression
{
}
