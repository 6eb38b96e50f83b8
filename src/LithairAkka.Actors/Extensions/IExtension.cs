namespace LithairAkka.Actors;

/// <summary>Marker of a per-actor-system singleton created through an <see cref="IExtensionId"/> (e.g. <c>Cluster</c>).</summary>
public interface IExtension
{
}
