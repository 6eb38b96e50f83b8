namespace LithairAkka.Cluster;

/// <summary><c>down-all</c>: on any lasting unreachability, down every node; the cluster must be restarted.</summary>
public sealed class DownAllNodes : DowningStrategy
{
    /// <summary>Creates the strategy.</summary>
    public DownAllNodes()
        : base(null, Member.Ordering)
    {
    }

    /// <inheritdoc/>
    public override DowningDecision Decide(SplitBrainView view) => DowningDecision.DownAll;
}
