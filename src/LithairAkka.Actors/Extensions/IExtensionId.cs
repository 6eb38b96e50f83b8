namespace LithairAkka.Actors;

/// <summary>Identifies an extension and creates it; the system keeps one instance per extension type.</summary>
public interface IExtensionId
{
    /// <summary>The type the extension is registered under.</summary>
    Type ExtensionType { get; }

    /// <summary>Creates the extension; called at most once per system.</summary>
    object CreateExtension(ExtendedActorSystem system);
}
