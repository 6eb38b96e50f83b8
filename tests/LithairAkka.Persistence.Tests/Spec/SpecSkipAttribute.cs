namespace LithairAkka.Persistence.Tests.Spec;

/// <summary>Put on a concrete contract-suite class to skip all its <see cref="SpecFactAttribute"/> tests when <see cref="SkipReason"/> is not null.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public abstract class SpecSkipAttribute : Attribute
{
    /// <summary>Why the tests cannot run here, or null when they can.</summary>
    public abstract string? SkipReason { get; }
}
