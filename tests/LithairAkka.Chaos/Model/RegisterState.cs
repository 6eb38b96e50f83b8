namespace LithairAkka.Chaos.Model;

/// <summary>
/// The state of one key in the versioned-register model: its version (0 when absent) and the interned id of its
/// value (0 when absent). Either part can be unknown (<see cref="UnknownPart"/>) when the check starts from
/// <see cref="InitialState.Unknown"/> or after an indeterminate write on an unknown version.
/// </summary>
/// <param name="Version">The version, 0 when absent, <see cref="UnknownPart"/> when unknown.</param>
/// <param name="ValueId">The value id, 0 when absent, <see cref="UnknownPart"/> when unknown.</param>
internal readonly record struct RegisterState(long Version, int ValueId)
{
    /// <summary>Marks an unknown part.</summary>
    public const int UnknownPart = -1;

    /// <summary>The absent key.</summary>
    public static RegisterState Absent => new(0, 0);

    /// <summary>Nothing known.</summary>
    public static RegisterState Unknown => new(UnknownPart, UnknownPart);

    /// <summary>Whether the key may be absent in this state.</summary>
    public bool MayBeAbsent => Version is UnknownPart or 0 && ValueId is UnknownPart or 0;

    /// <summary>Whether the key may exist in this state.</summary>
    public bool MayExist => Version != 0 && ValueId != 0;

    /// <summary>Whether the version may be <paramref name="version"/>.</summary>
    /// <param name="version">A known version (0: absent).</param>
    /// <returns><see langword="true"/> when consistent.</returns>
    public bool VersionMayBe(long version) =>
        (Version == UnknownPart || Version == version) && (version == 0 ? MayBeAbsent : MayExist);

    /// <summary>A state where absence is stated by both parts (version 0 ⇔ value 0).</summary>
    /// <param name="version">The version.</param>
    /// <param name="valueId">The value id.</param>
    /// <returns>The normalised state.</returns>
    public static RegisterState Of(long version, int valueId) =>
        version == 0 || valueId == 0 ? Absent : new RegisterState(version, valueId);
}
