namespace LithairAkka.Replication.Consensus;

/// <summary>
/// The volatile view of who leads: handed out in <see cref="Ready.SoftState"/> whenever it changes. Nothing of it needs
/// persisting; a host uses it to start or stop its leader-side actors and to redirect clients.
/// </summary>
/// <param name="Role">This node's role.</param>
/// <param name="Leader">The leader this node knows of in <paramref name="Term"/>, or <c>null</c>.</param>
/// <param name="Term">The term the view belongs to.</param>
public readonly record struct SoftState(NodeRole Role, NodeId? Leader, long Term);
