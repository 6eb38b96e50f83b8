using System.Reflection;
using LithairAkka.Hocon;
using LithairAkka.Node.Startup;
using LithairAkka.Replication.StateMachines;
using LithairAkka.Replication.StateMachines.KeyValue;

namespace LithairAkka.Node.Hosting;

/// <summary>
/// Resolves <c>lithair.replication.state-machine</c> before anything starts: an empty value is the built-in
/// key-value store; otherwise the <c>"Namespace.Type, Assembly"</c> name is looked up next to the node, then in the
/// files listed by <c>lithair.replication.state-machine-assemblies</c> (each loaded in its own
/// <see cref="PluginLoadContext"/>), and must name a concrete <see cref="StateMachineActor"/> with a public
/// parameterless constructor.
/// </summary>
/// <remarks>Called once, on the start path; not thread-safe.</remarks>
internal static class StateMachineLoader
{
    /// <summary>The key naming the state machine type.</summary>
    public const string TypeKey = "lithair.replication.state-machine";

    /// <summary>The key listing further assembly files.</summary>
    public const string AssembliesKey = "lithair.replication.state-machine-assemblies";

    /// <summary>The state machine type the configuration names.</summary>
    /// <param name="config">The node's full configuration.</param>
    /// <param name="workingDirectory">The directory relative assembly paths start from.</param>
    /// <exception cref="StartupException">The type cannot be found, loaded or used; the message names the key.</exception>
    public static ConfiguredStateMachine Resolve(Config config, string workingDirectory)
    {
        string name;
        IReadOnlyList<string> paths;
        try
        {
            name = config.HasPath(TypeKey) ? config.GetString(TypeKey).Trim() : string.Empty;
            paths = config.HasPath(AssembliesKey) ? config.GetStringList(AssembliesKey) : [];
        }
        catch (ConfigurationException ex)
        {
            throw new StartupException(ex.Message, ex);
        }

        if (name.Length == 0)
        {
            return new ConfiguredStateMachine(typeof(KeyValueStateMachine));
        }

        var type = Find(name, paths, workingDirectory);
        if (!typeof(StateMachineActor).IsAssignableFrom(type))
        {
            throw Bad(name, $"{type.FullName} does not derive from {typeof(StateMachineActor).FullName}");
        }

        if (type.IsAbstract || type.IsGenericTypeDefinition)
        {
            throw Bad(name, $"{type.FullName} is abstract or generic; name a concrete class");
        }

        if (type.GetConstructor(Type.EmptyTypes) is not { IsPublic: true })
        {
            throw Bad(name, $"{type.FullName} has no public parameterless constructor");
        }

        return new ConfiguredStateMachine(type);
    }

    private static Type Find(string name, IReadOnlyList<string> paths, string workingDirectory)
    {
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma <= 0 || comma == name.Length - 1)
        {
            throw Bad(name, "expected \"Namespace.Type, Assembly\"");
        }

        var typeName = name[..comma].Trim();
        AssemblyName assemblyName;
        try
        {
            assemblyName = new AssemblyName(name[(comma + 1)..].Trim());
        }
        catch (Exception ex) when (ex is ArgumentException or FileLoadException)
        {
            throw Bad(name, "the assembly name is malformed: " + ex.Message);
        }

        var assembly = LoadAssembly(name, assemblyName, paths, workingDirectory);
        try
        {
            return assembly.GetType(typeName, throwOnError: false) ?? throw Bad(name, $"the assembly {assembly.GetName().Name} has no type {typeName}");
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException or TypeLoadException)
        {
            throw Bad(name, $"the type {typeName} cannot be loaded: {ex.Message}");
        }
    }

    private static Assembly LoadAssembly(string name, AssemblyName assemblyName, IReadOnlyList<string> paths, string workingDirectory)
    {
        // Next to the node (a dependency of it, or a file dropped beside it): the default context, sharing LithairAkka.*.
        var beside = Path.Combine(AppContext.BaseDirectory, assemblyName.Name + ".dll");
        try
        {
            return System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyName(assemblyName);
        }
        catch (FileNotFoundException) when (File.Exists(beside))
        {
            // Not in the node's dependency list, so the runtime does not probe for it: load the file itself.
            return LoadFile(name, beside, System.Runtime.Loader.AssemblyLoadContext.Default);
        }
        catch (FileNotFoundException)
        {
            // Not next to the node: look in the configured files below.
        }
        catch (Exception ex) when (ex is FileLoadException or BadImageFormatException)
        {
            throw Bad(name, $"the assembly {assemblyName.Name} cannot be loaded: {ex.Message}");
        }

        foreach (var raw in paths)
        {
            var path = Path.GetFullPath(raw, workingDirectory);
            if (!File.Exists(path))
            {
                throw new StartupException($"{AssembliesKey}: the file '{path}' does not exist; expected the path of a .dll.");
            }

            if (!string.Equals(Path.GetFileNameWithoutExtension(path), assemblyName.Name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            return LoadFile(name, path, new PluginLoadContext(path));
        }

        throw Bad(name, $"the assembly {assemblyName.Name} is neither next to the node ({AppContext.BaseDirectory}) nor listed in {AssembliesKey}");
    }

    private static Assembly LoadFile(string name, string path, System.Runtime.Loader.AssemblyLoadContext context)
    {
        try
        {
            return context.LoadFromAssemblyPath(path);
        }
        catch (Exception ex) when (ex is FileLoadException or BadImageFormatException)
        {
            throw Bad(name, $"the assembly '{path}' cannot be loaded: {ex.Message}");
        }
    }

    private static StartupException Bad(string name, string problem) =>
        new($"{TypeKey} = \"{name}\": {problem}.");
}
