namespace LithairAkka.Hocon.Parsing;

/// <summary>The kinds of token the <see cref="Tokenizer"/> produces.</summary>
internal enum TokenKind
{
    /// <summary>End of input; always the last token.</summary>
    End,

    /// <summary>A run of non-newline whitespace; kept because value concatenation preserves inner whitespace.</summary>
    Whitespace,

    /// <summary>An ASCII newline (0x0A), which separates fields and array elements.</summary>
    Newline,

    /// <summary><c>,</c></summary>
    Comma,

    /// <summary><c>:</c></summary>
    Colon,

    /// <summary><c>=</c></summary>
    Equals,

    /// <summary><c>+=</c></summary>
    PlusEquals,

    /// <summary><c>{</c></summary>
    OpenBrace,

    /// <summary><c>}</c></summary>
    CloseBrace,

    /// <summary><c>[</c></summary>
    OpenBracket,

    /// <summary><c>]</c></summary>
    CloseBracket,

    /// <summary>A quoted or triple-quoted string; the token text is the decoded content.</summary>
    QuotedString,

    /// <summary>An unquoted string.</summary>
    Unquoted,

    /// <summary>A JSON number; the token text is the number as written.</summary>
    Number,

    /// <summary>The literal <c>true</c>.</summary>
    True,

    /// <summary>The literal <c>false</c>.</summary>
    False,

    /// <summary>The literal <c>null</c>.</summary>
    Null,

    /// <summary><c>${</c>, the start of a required substitution.</summary>
    Substitution,

    /// <summary><c>${?</c>, the start of an optional substitution.</summary>
    OptionalSubstitution,
}
