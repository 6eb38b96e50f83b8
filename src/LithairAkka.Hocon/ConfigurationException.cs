using LithairAkka.Hocon.Parsing;

namespace LithairAkka.Hocon;

/// <summary>
/// Raised for every configuration problem: a syntax error (the message starts with
/// <c>origin:line:column:</c>), an unresolvable substitution, a failed include, a missing key or a value of the
/// wrong type (the message names the key, the value found, where it was written and the type expected).
/// </summary>
/// <remarks>Instances are immutable once thrown and may be shared between threads.</remarks>
public class ConfigurationException : Exception
{
    /// <summary>Creates an exception without a message.</summary>
    public ConfigurationException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with full location details.</summary>
    /// <param name="message">The complete message, already prefixed with the location if wanted.</param>
    /// <param name="path">The configuration key involved, or <see langword="null"/>.</param>
    /// <param name="origin">The file, resource or string name involved, or <see langword="null"/>.</param>
    /// <param name="line">The 1-based line, or 0 when unknown.</param>
    /// <param name="column">The 1-based column, or 0 when unknown.</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    public ConfigurationException(string message, string? path, string? origin, int line, int column, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
        Origin = origin;
        Line = line;
        Column = column;
    }

    /// <summary>The configuration key (path expression) the problem is about, when there is one.</summary>
    public string? Path { get; }

    /// <summary>The name of the file, resource or string where the problem was found, when known.</summary>
    public string? Origin { get; }

    /// <summary>The 1-based line of the problem, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the problem, or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>A syntax or resolution error at a position: <c>node.conf:12:7: message</c>.</summary>
    internal static ConfigurationException At(SourcePosition position, string message, string? path = null) =>
        new($"{position.ToStringWithColumn()}: {message}", path, position.Origin, position.Line, position.Column);
}
