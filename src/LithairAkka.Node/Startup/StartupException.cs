namespace LithairAkka.Node.Startup;

/// <summary>A bad option or configuration found before the node starts; the message is the one line printed.</summary>
internal sealed class StartupException : Exception
{
    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public StartupException()
    {
    }
}
