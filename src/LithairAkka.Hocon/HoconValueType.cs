namespace LithairAkka.Hocon;

/// <summary>The JSON type of a resolved <see cref="HoconValue"/>.</summary>
public enum HoconValueType
{
    /// <summary>An object: a <see cref="HoconObject"/>.</summary>
    Object,

    /// <summary>An array: a <see cref="HoconArray"/>.</summary>
    Array,

    /// <summary>A string: a <see cref="HoconScalar"/>.</summary>
    String,

    /// <summary>A number, kept as written: a <see cref="HoconScalar"/>.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>: a <see cref="HoconScalar"/>.</summary>
    Boolean,

    /// <summary><c>null</c>: a <see cref="HoconScalar"/>.</summary>
    Null,
}
