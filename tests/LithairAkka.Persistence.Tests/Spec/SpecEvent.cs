namespace LithairAkka.Persistence.Tests.Spec;

/// <summary>A structured event for serialization round trips.</summary>
public sealed record SpecEvent(string Name, int Number, IReadOnlyList<string> Items)
{
    public bool Equals(SpecEvent? other) =>
        other is not null && Name == other.Name && Number == other.Number && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => HashCode.Combine(Name, Number, Items.Count);
}
