namespace LithairAkka.Hocon.Parsing;

/// <summary>Where a token or a value was written: the origin name (file, resource or string) and a 1-based line and column.</summary>
/// <remarks>A line of 0 marks a value that does not come from text, such as an environment variable.</remarks>
internal readonly record struct SourcePosition(string Origin, int Line, int Column)
{
    /// <summary>The short form used in value origins: <c>node.conf:12</c>.</summary>
    public override string ToString() => Line > 0 ? $"{Origin}:{Line}" : Origin;

    /// <summary>The long form used in syntax errors: <c>node.conf:12:7</c>.</summary>
    public string ToStringWithColumn() => Line > 0 ? $"{Origin}:{Line}:{Column}" : Origin;
}
