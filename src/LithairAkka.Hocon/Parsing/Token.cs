namespace LithairAkka.Hocon.Parsing;

/// <summary>One token of HOCON text with the position of its first character.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Line, int Column)
{
    /// <summary>Whether the token is a simple value that can take part in a string concatenation or a path expression.</summary>
    public bool IsSimpleValue => Kind is TokenKind.QuotedString or TokenKind.Unquoted or TokenKind.Number
        or TokenKind.True or TokenKind.False or TokenKind.Null;

    /// <summary>How the token is named in error messages.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "end of input",
        TokenKind.Newline => "newline",
        TokenKind.Whitespace => "whitespace",
        TokenKind.QuotedString => $"quoted string \"{Text}\"",
        TokenKind.Substitution => "'${'",
        TokenKind.OptionalSubstitution => "'${?'",
        _ => $"'{Text}'",
    };
}
