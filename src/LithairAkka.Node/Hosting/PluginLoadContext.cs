using System.Reflection;
using System.Runtime.Loader;

namespace LithairAkka.Node.Hosting;

/// <summary>
/// Loads a state machine assembly from outside the node's directory, with its own dependencies from beside it. An
/// assembly the node itself carries (LithairAkka.*, the framework) always comes from the default context, so the
/// plug-in's <c>StateMachineActor</c> is the node's: a copy of it beside the plug-in is ignored.
/// </summary>
/// <remarks>Never unloaded: the state machine runs for the node's lifetime.</remarks>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;
    private readonly string _directory;

    public PluginLoadContext(string mainAssemblyPath)
        : base(Path.GetFileNameWithoutExtension(mainAssemblyPath), isCollectible: false)
    {
        _resolver = new AssemblyDependencyResolver(mainAssemblyPath);
        _directory = Path.GetDirectoryName(mainAssemblyPath) ?? ".";
    }

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (Default.Assemblies.Any(a => AssemblyName.ReferenceMatchesDefinition(assemblyName, a.GetName()))
            || File.Exists(Path.Combine(AppContext.BaseDirectory, assemblyName.Name + ".dll")))
        {
            // Shared with the node: returning null makes the runtime use the default context.
            return null;
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName) ?? Path.Combine(_directory, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    /// <inheritdoc />
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
