using LithairAkka.Hocon;

namespace LithairAkka.Remote.Transport;

/// <summary>
/// An invalid <c>akka.remote</c> setting. The message starts with the HOCON key and says the expected form;
/// <see cref="ConfigurationException.Path"/> holds the key. Catching <see cref="ConfigurationException"/> catches it too.
/// </summary>
public sealed class RemoteConfigurationException : ConfigurationException
{
    /// <summary>Creates the exception for <paramref name="key"/>.</summary>
    /// <param name="key">Full HOCON path, e.g. <c>akka.remote.dot-netty.tcp.port</c>.</param>
    /// <param name="message">The complete message, starting with the key.</param>
    public RemoteConfigurationException(string key, string message)
        : base(message, key, origin: null, line: 0, column: 0)
    {
    }

    /// <summary>Creates the exception for <paramref name="key"/> with an inner cause.</summary>
    public RemoteConfigurationException(string key, string message, Exception innerException)
        : base(message, key, origin: null, line: 0, column: 0, innerException)
    {
    }

    /// <summary>Creates an exception without a key.</summary>
    public RemoteConfigurationException()
        : this(string.Empty, "Invalid remoting configuration.")
    {
    }

    /// <summary>Creates an exception without a key.</summary>
    public RemoteConfigurationException(string message)
        : this(string.Empty, message)
    {
    }

    /// <summary>Creates an exception without a key, with an inner cause.</summary>
    public RemoteConfigurationException(string message, Exception innerException)
        : this(string.Empty, message, innerException)
    {
    }

    /// <summary>The HOCON key at fault (empty when unknown); same as <see cref="ConfigurationException.Path"/>.</summary>
    public string Key => Path ?? string.Empty;
}
