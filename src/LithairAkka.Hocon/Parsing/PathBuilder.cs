using System.Text;

namespace LithairAkka.Hocon.Parsing;

/// <summary>
/// Turns the tokens of a path expression (a key or the inside of a substitution) into path elements: dots
/// outside quotes separate elements, quoted text is taken whole, whitespace between tokens is kept.
/// </summary>
internal static class PathBuilder
{
    /// <summary>Builds a path from simple-value and whitespace tokens (already trimmed of outer whitespace).</summary>
    /// <exception cref="ConfigurationException">The expression is empty or has an empty unquoted element.</exception>
    public static HoconPath Build(IReadOnlyList<Token> tokens, SourcePosition position, string? originalText = null)
    {
        if (tokens.Count == 0)
        {
            throw ConfigurationException.At(position, "expected a path expression but found nothing");
        }

        var elements = new List<string>();
        var current = new StringBuilder();
        var hasContent = false;
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.QuotedString)
            {
                current.Append(token.Text);
                hasContent = true;
                continue;
            }

            foreach (var c in token.Text)
            {
                if (c != '.')
                {
                    current.Append(c);
                    hasContent = true;
                    continue;
                }

                if (!hasContent)
                {
                    throw EmptyElement(tokens, position, originalText);
                }

                elements.Add(current.ToString());
                current.Clear();
                hasContent = false;
            }
        }

        if (!hasContent)
        {
            throw EmptyElement(tokens, position, originalText);
        }

        elements.Add(current.ToString());
        return new HoconPath([.. elements]);
    }

    private static ConfigurationException EmptyElement(IReadOnlyList<Token> tokens, SourcePosition position, string? originalText)
    {
        var text = originalText ?? Describe(tokens);
        return ConfigurationException.At(
            position,
            $"path expression '{text}' has an empty element: a path may not start or end with '.' or contain '..' (quote an empty key: a.\"\".b)",
            text);
    }

    private static string Describe(IReadOnlyList<Token> tokens)
    {
        var builder = new StringBuilder();
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.QuotedString)
            {
                builder.Append('"').Append(token.Text).Append('"');
            }
            else
            {
                builder.Append(token.Text);
            }
        }

        return builder.ToString();
    }
}
