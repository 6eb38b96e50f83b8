namespace LithairAkka.Actors;

/// <summary>A typed <see cref="IExtensionId"/>.</summary>
/// <typeparam name="T">The extension type.</typeparam>
public interface IExtensionId<out T> : IExtensionId
    where T : IExtension
{
    /// <summary>Returns the system's instance, creating it on first use.</summary>
    T Get(ActorSystem system);
}
