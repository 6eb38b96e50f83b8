using LithairAkka.Hocon;

namespace LithairAkka.Cluster;

/// <summary>Creates the downing provider named by <c>akka.cluster.downing-provider-class</c>.</summary>
internal static class DowningProviders
{
    private const string Key = "akka.cluster.downing-provider-class";

    /// <summary>The provider, or <see langword="null"/> when <paramref name="typeName"/> is empty.</summary>
    /// <exception cref="ConfigurationException">The type cannot be loaded or created; the message names the key.</exception>
    public static IDowningProvider? Load(string typeName, ActorSystem system)
    {
        if (string.IsNullOrWhiteSpace(typeName))
        {
            return null;
        }

        var type = Type.GetType(typeName, throwOnError: false);
        var ctor = type is not null && typeof(IDowningProvider).IsAssignableFrom(type) ? type.GetConstructor([typeof(ActorSystem)]) : null;
        if (ctor is null)
        {
            throw new ConfigurationException(
                $"{Key} = [{typeName}] is not a loadable IDowningProvider with a public (ActorSystem) constructor.", Key, null, 0, 0);
        }

        try
        {
            return (IDowningProvider)ctor.Invoke([system]);
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new ConfigurationException($"{Key} = [{typeName}] failed to start: {e.InnerException.Message}", Key, null, 0, 0);
        }
    }
}
