using LithairAkka.Hocon;

namespace LithairAkka.Management.Settings;

/// <summary>Validation helpers that throw a <see cref="ConfigurationException"/> naming the key.</summary>
internal static class SettingsGuard
{
    public static void Require(bool condition, string section, string key, string problem)
    {
        if (!condition)
        {
            var path = section + "." + key;
            throw new ConfigurationException($"{path} {problem}.", path, null, 0, 0);
        }
    }

    public static void RequirePort(int port, string path)
    {
        if (port is < 0 or > 65535)
        {
            throw new ConfigurationException($"{path} must be a TCP port between 0 and 65535, not {port}.", path, null, 0, 0);
        }
    }
}
