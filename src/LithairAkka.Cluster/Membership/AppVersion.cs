using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LithairAkka.Cluster;

/// <summary>
/// The application version a member runs (<c>akka.cluster.app-version</c>), compared as Akka's <c>Version</c>: up to
/// three numeric segments (<c>1</c>, <c>1.2</c>, <c>1.2.3</c>; missing segments count as 0) followed by an optional
/// qualifier after <c>-</c> or <c>+</c> (<c>1.2.3-RC1</c>, <c>1.2.3+build5</c>). A version without qualifier is
/// newer than the same numbers with one; qualifiers compare ordinally. Text that does not start with numbers is
/// compared as version 0.0.0 with the whole text as qualifier. Immutable and thread-safe.
/// </summary>
public sealed class AppVersion : IComparable<AppVersion>, IEquatable<AppVersion>
{
    private readonly int _major;
    private readonly int _minor;
    private readonly int _patch;
    private readonly string _qualifier;

    private AppVersion(string text, int major, int minor, int patch, string qualifier)
    {
        Text = text;
        _major = major;
        _minor = minor;
        _patch = patch;
        _qualifier = qualifier;
    }

    /// <summary>The version <c>0.0.0</c>, Akka's default when none is configured.</summary>
    public static AppVersion Zero { get; } = Parse("0.0.0");

    /// <summary>The text the version was parsed from (trimmed).</summary>
    public string Text { get; }

    /// <summary>Parses a version.</summary>
    /// <param name="text">The version text, e.g. <c>1.2.3</c> or <c>2.0.0-RC1</c>.</param>
    /// <returns>The version.</returns>
    /// <exception cref="FormatException">The text is empty or blank.</exception>
    public static AppVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var version)
            ? version
            : throw new FormatException("An application version must not be empty (expected e.g. 1.2.3 or 1.2.3-RC1).");
    }

    /// <summary>Parses a version; fails only for empty or blank text.</summary>
    /// <param name="text">The version text.</param>
    /// <param name="version">The version when parsing succeeds.</param>
    /// <returns>True when <paramref name="text"/> is not blank.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out AppVersion? version)
    {
        version = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        var cut = trimmed.IndexOfAny(['-', '+']);
        var numbers = cut < 0 ? trimmed : trimmed[..cut];
        var qualifier = cut < 0 ? string.Empty : trimmed[(cut + 1)..];
        var segments = numbers.Split('.');
        Span<int> parsed = stackalloc int[3];
        var valid = segments.Length <= 3;
        for (var i = 0; valid && i < segments.Length; i++)
        {
            valid = segments[i].Length > 0
                && segments[i].All(char.IsAsciiDigit)
                && int.TryParse(segments[i], NumberStyles.None, CultureInfo.InvariantCulture, out parsed[i]);
        }

        version = valid
            ? new AppVersion(trimmed, parsed[0], parsed[1], parsed[2], qualifier)
            : new AppVersion(trimmed, 0, 0, 0, trimmed);
        return true;
    }

    /// <summary>Compares as described on the type.</summary>
    /// <param name="other">The version to compare with; <see langword="null"/> sorts first.</param>
    /// <returns>Negative, zero or positive as this version is older, equal or newer.</returns>
    public int CompareTo(AppVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var diff = _major.CompareTo(other._major);
        if (diff == 0)
        {
            diff = _minor.CompareTo(other._minor);
        }

        if (diff == 0)
        {
            diff = _patch.CompareTo(other._patch);
        }

        if (diff != 0)
        {
            return diff;
        }

        // "1.2.3" is newer than "1.2.3-RC1".
        if (_qualifier.Length == 0 || other._qualifier.Length == 0)
        {
            return (_qualifier.Length == 0 ? 1 : 0) - (other._qualifier.Length == 0 ? 1 : 0);
        }

        return string.CompareOrdinal(_qualifier, other._qualifier);
    }

    /// <summary>True when both versions compare equal (<c>1.2</c> equals <c>1.2.0</c>).</summary>
    /// <param name="other">The version to compare with.</param>
    public bool Equals(AppVersion? other) => other is not null && CompareTo(other) == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AppVersion other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_major, _minor, _patch, _qualifier);

    /// <summary>The original text.</summary>
    public override string ToString() => Text;

    /// <summary>True when <paramref name="left"/> is older than <paramref name="right"/>.</summary>
    public static bool operator <(AppVersion left, AppVersion right) => Compare(left, right) < 0;

    /// <summary>True when <paramref name="left"/> is newer than <paramref name="right"/>.</summary>
    public static bool operator >(AppVersion left, AppVersion right) => Compare(left, right) > 0;

    /// <summary>True when <paramref name="left"/> is older than or equal to <paramref name="right"/>.</summary>
    public static bool operator <=(AppVersion left, AppVersion right) => Compare(left, right) <= 0;

    /// <summary>True when <paramref name="left"/> is newer than or equal to <paramref name="right"/>.</summary>
    public static bool operator >=(AppVersion left, AppVersion right) => Compare(left, right) >= 0;

    /// <summary>True when both versions compare equal.</summary>
    public static bool operator ==(AppVersion? left, AppVersion? right) => left is null ? right is null : left.Equals(right);

    /// <summary>True when the versions differ.</summary>
    public static bool operator !=(AppVersion? left, AppVersion? right) => !(left == right);

    private static int Compare(AppVersion? left, AppVersion? right) => left is null ? (right is null ? 0 : -1) : left.CompareTo(right);
}
