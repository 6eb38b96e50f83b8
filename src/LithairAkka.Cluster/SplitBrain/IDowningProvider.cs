namespace LithairAkka.Cluster;

/// <summary>
/// Decides which unreachable members to down (Akka's <c>IDowningProvider</c>). The type named by
/// <c>akka.cluster.downing-provider-class</c> implements it, with a public constructor taking the
/// <see cref="ActorSystem"/>; the cluster creates it once at start.
/// </summary>
public interface IDowningProvider
{
    /// <summary>Extra time before the shards and singletons of a downed node are taken over elsewhere.</summary>
    TimeSpan DownRemovalMargin { get; }

    /// <summary>The actor that downs members (started at <c>/system/cluster/downingProvider</c>), or <see langword="null"/> for none.</summary>
    Props? DowningActorProps { get; }
}
