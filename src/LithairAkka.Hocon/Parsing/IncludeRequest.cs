namespace LithairAkka.Hocon.Parsing;

/// <summary>How an include names what it includes.</summary>
internal enum IncludeKind
{
    /// <summary><c>include "name"</c>: a file next to the including file, else a resource; a resource next to an including resource.</summary>
    Heuristic,

    /// <summary><c>include file("path")</c>.</summary>
    File,

    /// <summary><c>include classpath("name")</c> or <c>include resource("name")</c>: text from the resource resolver.</summary>
    Resource,
}

/// <summary>One parsed include statement.</summary>
internal sealed record IncludeRequest(IncludeKind Kind, string Name, bool Required, SourcePosition Position)
{
    /// <summary>The statement as written, for messages.</summary>
    public string Describe()
    {
        var inner = Kind switch
        {
            IncludeKind.File => $"file(\"{Name}\")",
            IncludeKind.Resource => $"resource(\"{Name}\")",
            _ => $"\"{Name}\"",
        };
        return Required ? $"include required({inner})" : $"include {inner}";
    }
}
