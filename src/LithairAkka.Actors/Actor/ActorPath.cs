using System.Globalization;
using System.Text;

namespace LithairAkka.Actors;

/// <summary>
/// The logical location of an actor: an <see cref="Address"/> followed by path elements, e.g.
/// <c>akka://sys/user/parent/child</c>. A path may carry the uid of one incarnation of the actor (written
/// <c>#uid</c> in the serialization format); equality and hashing ignore the uid, as in Akka.
/// Immutable and thread-safe.
/// </summary>
public abstract class ActorPath : IEquatable<ActorPath>, IComparable<ActorPath>
{
    /// <summary>The uid meaning "any incarnation".</summary>
    public const long UndefinedUid = 0;

    private string? _toString;

    private protected ActorPath(Address address, string name, long uid)
    {
        Address = address;
        Name = name;
        Uid = uid;
    }

    /// <summary>The address of the actor system this path belongs to.</summary>
    public Address Address { get; }

    /// <summary>The last element of the path (<c>/</c> for a root path).</summary>
    public string Name { get; }

    /// <summary>The uid of the incarnation this path names, or <see cref="UndefinedUid"/>.</summary>
    public long Uid { get; }

    /// <summary>The parent path; a root path is its own parent.</summary>
    public abstract ActorPath Parent { get; }

    /// <summary>The root path of this path's actor system.</summary>
    public abstract RootActorPath Root { get; }

    /// <summary>The number of elements below the root.</summary>
    public abstract int Depth { get; }

    /// <summary>The path elements below the root, in order (empty for a root path).</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var result = new string[Depth];
            ActorPath current = this;
            for (var i = result.Length - 1; i >= 0; i--)
            {
                result[i] = current.Name;
                current = current.Parent;
            }

            return result;
        }
    }

    /// <summary>Creates the child path <paramref name="path"/>/<paramref name="name"/>.</summary>
    public static ActorPath operator /(ActorPath path, string name)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Child(name);
    }

    /// <summary>Creates a child path; a name of the form <c>name#uid</c> sets the child's uid.</summary>
    /// <exception cref="ArgumentException">When the name is empty or contains '/'.</exception>
    public ActorPath Child(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var hash = name.IndexOf('#', StringComparison.Ordinal);
        var uid = UndefinedUid;
        if (hash >= 0)
        {
            uid = long.Parse(name.AsSpan(hash + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            name = name[..hash];
        }

        if (name.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Path element [{name}] must not contain '/'.", nameof(name));
        }

        return new ChildActorPath(this, name, uid);
    }

    /// <summary>Returns this path with another uid.</summary>
    public abstract ActorPath WithUid(long uid);

    /// <summary>Formats the path without its address, e.g. <c>/user/a</c>.</summary>
    public string ToStringWithoutAddress() => Depth == 0 ? "/" : AppendElements(new StringBuilder()).ToString();

    /// <summary>
    /// Formats the path with <paramref name="address"/> instead of its own when its own address is local-only,
    /// as remoting does for refs it sends out.
    /// </summary>
    public string ToStringWithAddress(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var effective = Address.HasLocalScope && address.HasGlobalScope ? address : Address;
        return Depth == 0 ? effective + "/" : AppendElements(new StringBuilder(effective.ToString())).ToString();
    }

    /// <summary>
    /// The form remoting puts on the wire: <see cref="ToStringWithAddress"/> plus the uid suffix (<c>#uid</c>) when
    /// the uid is defined.
    /// </summary>
    public string ToSerializationFormatWithAddress(Address address) =>
        Uid == UndefinedUid
            ? ToStringWithAddress(address)
            : string.Concat(ToStringWithAddress(address), "#", Uid.ToString(CultureInfo.InvariantCulture));

    /// <summary>Formats the path with its uid suffix (<c>#uid</c>) when the uid is defined.</summary>
    public string ToSerializationFormat() =>
        Uid == UndefinedUid ? ToString() : string.Concat(ToString(), "#", Uid.ToString(CultureInfo.InvariantCulture));

    /// <summary>Formats the path with its address, e.g. <c>akka://sys/user/a</c>.</summary>
    public override string ToString() =>
        _toString ??= Depth == 0 ? Address + "/" : AppendElements(new StringBuilder(Address.ToString())).ToString();

    /// <summary>Parses an absolute path such as <c>akka.tcp://sys@host:2552/user/a#42</c>.</summary>
    /// <exception cref="FormatException">When the text is not an absolute actor path.</exception>
    public static ActorPath Parse(string path) =>
        TryParse(path, out var result) ? result : throw new FormatException($"'{path}' is not a valid actor path (expected protocol://system[@host:port]/elements).");

    /// <summary>Tries to parse an absolute path.</summary>
    /// <returns>True when the text was a valid absolute path.</returns>
    public static bool TryParse(string? path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ActorPath? result)
    {
        result = null;
        if (path is null || !Address.TryParse(path, out var address, out var rest))
        {
            return false;
        }

        ActorPath current = new RootActorPath(address);
        foreach (var range in rest.Split('/'))
        {
            var element = rest[range];
            if (element.IsEmpty)
            {
                continue;
            }

            try
            {
                current = current.Child(Uri.UnescapeDataString(element.ToString()));
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
            {
                return false;
            }
        }

        result = current;
        return true;
    }

    /// <summary>Compares address and elements; the uid is ignored.</summary>
    public bool Equals(ActorPath? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || Depth != other.Depth)
        {
            return false;
        }

        ActorPath a = this;
        var b = other;
        while (a.Depth > 0)
        {
            if (!string.Equals(a.Name, b.Name, StringComparison.Ordinal))
            {
                return false;
            }

            a = a.Parent;
            b = b.Parent;
        }

        return a.Address.Equals(b.Address);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        ActorPath current = this;
        while (current.Depth > 0)
        {
            hash.Add(current.Name, StringComparer.Ordinal);
            current = current.Parent;
        }

        hash.Add(current.Address);
        return hash.ToHashCode();
    }

    /// <summary>Orders by the formatted path, then by uid.</summary>
    public int CompareTo(ActorPath? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byText = string.CompareOrdinal(ToString(), other.ToString());
        return byText != 0 ? byText : Uid.CompareTo(other.Uid);
    }

    /// <summary>Value equality of two paths (uid ignored).</summary>
    public static bool operator ==(ActorPath? left, ActorPath? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality of two paths (uid ignored).</summary>
    public static bool operator !=(ActorPath? left, ActorPath? right) => !(left == right);

    /// <summary>Ordering operator.</summary>
    public static bool operator <(ActorPath? left, ActorPath? right) => left is null ? right is not null : left.CompareTo(right) < 0;

    /// <summary>Ordering operator.</summary>
    public static bool operator <=(ActorPath? left, ActorPath? right) => left is null || left.CompareTo(right) <= 0;

    /// <summary>Ordering operator.</summary>
    public static bool operator >(ActorPath? left, ActorPath? right) => left is not null && left.CompareTo(right) > 0;

    /// <summary>Ordering operator.</summary>
    public static bool operator >=(ActorPath? left, ActorPath? right) => left is null ? right is null : left.CompareTo(right) >= 0;

    private StringBuilder AppendElements(StringBuilder builder)
    {
        if (Depth > 0)
        {
            Parent.AppendElements(builder);
            builder.Append('/').Append(Name);
        }

        return builder;
    }
}
