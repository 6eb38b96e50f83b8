namespace LithairAkka.Chaos.Checking;

/// <summary>The answer of a linearizability check.</summary>
public enum Verdict
{
    /// <summary>A linearization exists.</summary>
    Linearizable,

    /// <summary>No linearization exists: the history is a violation.</summary>
    NotLinearizable,

    /// <summary>The step budget ran out before the search ended: nothing is proven either way.</summary>
    Unknown,
}
