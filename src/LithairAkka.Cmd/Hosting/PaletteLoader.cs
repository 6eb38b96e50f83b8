using System.Reflection;
using System.Runtime.Loader;
using LithairAkka.Actors;
using LithairAkka.Cmd.Palettes;
using LithairAkka.Hocon;

namespace LithairAkka.Cmd.Hosting;

/// <summary>
/// Loads the palettes of one's own listed in <c>petabridge.cmd.palettes</c>: each entry names a
/// <see cref="CommandPaletteHandler"/> subclass as <c>"Namespace.Type, Assembly"</c>, with a public constructor taking
/// an <see cref="ActorSystem"/> or none. An assembly the application does not list is loaded from
/// <c>Assembly.dll</c> beside the node. Stateless and thread-safe.
/// </summary>
public static class PaletteLoader
{
    /// <summary>The HOCON key of the list.</summary>
    public const string PalettesPath = PetabridgeCmdSettings.SectionPath + ".palettes";

    /// <summary>Resolves <paramref name="typeName"/> to a handler type.</summary>
    /// <exception cref="ConfigurationException">The type cannot be found, is not a handler, or has no usable constructor.</exception>
    public static Type Resolve(string typeName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(typeName);
        var type = Type.GetType(typeName, throwOnError: false) ?? LoadBeside(typeName)
            ?? throw Invalid(typeName, "no such type; expected \"Namespace.Type, Assembly\" with Assembly.dll beside the node");
        if (!typeof(CommandPaletteHandler).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw Invalid(typeName, $"is not a concrete {nameof(CommandPaletteHandler)}");
        }

        if (type.GetConstructor([typeof(ActorSystem)]) is null && type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw Invalid(typeName, "needs a public constructor taking an ActorSystem, or none");
        }

        return type;
    }

    /// <summary>Creates the handler of <paramref name="type"/> (from <see cref="Resolve"/>) for <paramref name="system"/>.</summary>
    /// <exception cref="ConfigurationException">The constructor threw; the message names the type.</exception>
    public static CommandPaletteHandler Create(Type type, ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(type);
        try
        {
            return (CommandPaletteHandler)(type.GetConstructor([typeof(ActorSystem)]) is { } withSystem
                ? withSystem.Invoke([system])
                : Activator.CreateInstance(type)!);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is { } inner)
        {
            throw Invalid(type.FullName ?? type.Name, "could not be created: " + inner.Message);
        }
    }

    private static Type? LoadBeside(string typeName)
    {
        var comma = typeName.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            return null;
        }

        var assemblyName = typeName[(comma + 1)..].Split(',')[0].Trim();
        var path = Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll");
        if (assemblyName.Length == 0 || !File.Exists(path))
        {
            return null;
        }

        try
        {
            return AssemblyLoadContext.Default.LoadFromAssemblyPath(path).GetType(typeName[..comma].Trim(), throwOnError: false);
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }

    private static ConfigurationException Invalid(string typeName, string reason) =>
        new($"Invalid {PalettesPath}: '{typeName}' {reason}.", PalettesPath, null, 0, 0);
}
