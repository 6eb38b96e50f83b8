namespace LithairAkka.Chaos.Model;

/// <summary>What the checker assumes about a key before the first operation of its history.</summary>
public enum InitialState
{
    /// <summary>The key is absent (version 0). Right for a run whose keys are fresh, e.g. prefixed with a run id.</summary>
    Absent,

    /// <summary>
    /// Nothing is known: the first observation fixes the value and version. A history that fails from this state
    /// fails whatever came before it, which makes it a self-contained counterexample.
    /// </summary>
    Unknown,
}
