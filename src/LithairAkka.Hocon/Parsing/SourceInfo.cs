namespace LithairAkka.Hocon.Parsing;

/// <summary>What kind of thing a HOCON text was read from; decides how its includes are located.</summary>
internal enum SourceKind
{
    /// <summary>A string given to ParseString.</summary>
    Text,

    /// <summary>A file on disk.</summary>
    File,

    /// <summary>An embedded resource (or any text supplied by the resource resolver).</summary>
    Resource,
}

/// <summary>Where a HOCON text came from.</summary>
/// <param name="Kind">File, resource or plain string.</param>
/// <param name="OriginName">The name used in messages and value origins.</param>
/// <param name="Directory">For files (and strings with a base directory): the folder relative includes start from.</param>
/// <param name="Identity">A key that identifies the source for include-cycle detection (full path or resource name).</param>
internal sealed record SourceInfo(SourceKind Kind, string OriginName, string? Directory, string Identity);
