namespace LithairAkka.Actors;

/// <summary>One element of an actor selection path: a child name, a wildcard pattern, or the parent (<c>..</c>).</summary>
public abstract record SelectionPathElement
{
    private protected SelectionPathElement()
    {
    }

    /// <summary>Parses one path element.</summary>
    public static SelectionPathElement Parse(string element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (element == "..")
        {
            return new SelectParent();
        }

        return element.AsSpan().IndexOfAny('*', '?') >= 0 ? new ChildPattern(element) : new ChildName(element);
    }

    /// <summary>A child by exact name.</summary>
    /// <param name="Name">The name.</param>
    public sealed record ChildName(string Name) : SelectionPathElement
    {
        /// <inheritdoc/>
        public override string ToString() => Name;
    }

    /// <summary>Children matching a glob (<c>*</c> any sequence, <c>?</c> one character).</summary>
    /// <param name="Pattern">The glob.</param>
    public sealed record ChildPattern(string Pattern) : SelectionPathElement
    {
        /// <summary>True when <paramref name="name"/> matches the glob.</summary>
        public bool IsMatch(string name) => Glob(Pattern.AsSpan(), name.AsSpan());

        /// <inheritdoc/>
        public override string ToString() => Pattern;

        private static bool Glob(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
        {
            int p = 0, t = 0, star = -1, mark = 0;
            while (t < text.Length)
            {
                if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
                {
                    p++;
                    t++;
                }
                else if (p < pattern.Length && pattern[p] == '*')
                {
                    star = p++;
                    mark = t;
                }
                else if (star >= 0)
                {
                    p = star + 1;
                    t = ++mark;
                }
                else
                {
                    return false;
                }
            }

            while (p < pattern.Length && pattern[p] == '*')
            {
                p++;
            }

            return p == pattern.Length;
        }
    }

    /// <summary>The parent.</summary>
    public sealed record SelectParent : SelectionPathElement
    {
        /// <inheritdoc/>
        public override string ToString() => "..";
    }
}
