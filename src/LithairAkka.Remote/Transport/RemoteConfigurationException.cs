namespace LithairAkka.Remote.Transport;

/// <summary>An invalid <c>akka.remote</c> setting. The message names the HOCON key and the expected form.</summary>
public sealed class RemoteConfigurationException : Exception
{
    /// <summary>Creates the exception for <paramref name="key"/>.</summary>
    /// <param name="key">Full HOCON path, e.g. <c>akka.remote.dot-netty.tcp.port</c>.</param>
    /// <param name="message">The complete message, starting with the key.</param>
    public RemoteConfigurationException(string key, string message)
        : base(message) => Key = key;

    /// <summary>Creates the exception for <paramref name="key"/> with an inner cause.</summary>
    public RemoteConfigurationException(string key, string message, Exception innerException)
        : base(message, innerException) => Key = key;

    /// <summary>Creates an exception without a key (serialization and analyzers' sake).</summary>
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

    /// <summary>The HOCON key at fault (empty when unknown).</summary>
    public string Key { get; }
}
