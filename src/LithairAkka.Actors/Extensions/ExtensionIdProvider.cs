namespace LithairAkka.Actors;

/// <summary>
/// Base of extension ids: implement <see cref="CreateExtension(ExtendedActorSystem)"/>, and expose
/// <c>public static Cluster Get(ActorSystem system) =&gt; system.WithExtension&lt;Cluster, ClusterExtension&gt;();</c>.
/// Thread-safe: concurrent first calls create the extension once.
/// </summary>
/// <typeparam name="T">The extension type.</typeparam>
public abstract class ExtensionIdProvider<T> : IExtensionId<T>
    where T : class, IExtension
{
    /// <inheritdoc/>
    public Type ExtensionType => typeof(T);

    /// <inheritdoc/>
    public T Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return (T)system.RegisterExtension(this);
    }

    /// <summary>Creates the extension for <paramref name="system"/>.</summary>
    public abstract T CreateExtension(ExtendedActorSystem system);

    object IExtensionId.CreateExtension(ExtendedActorSystem system) => CreateExtension(system);
}
