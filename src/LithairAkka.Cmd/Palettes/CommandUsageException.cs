namespace LithairAkka.Cmd.Palettes;

/// <summary>A command line does not match any registered command, or its arguments are wrong; the message says how.</summary>
internal sealed class CommandUsageException(string message) : Exception(message);
