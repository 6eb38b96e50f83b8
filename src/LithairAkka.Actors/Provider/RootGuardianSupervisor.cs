using LithairAkka.Actors.Dispatch.SysMsg;
using LithairAkka.Actors.Event;

namespace LithairAkka.Actors;

/// <summary>
/// The parent of the root guardian (Akka's "the one who walks the bubbles of space-time"): stops the root guardian
/// when it fails and completes the termination task when it stopped.
/// </summary>
internal sealed class RootGuardianSupervisor(LocalActorRefProvider provider, ActorPath path) : MinimalActorRef
{
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override ActorPath Path { get; } = path;

    public override IActorRefProvider Provider => provider;

    public Task Terminated => _terminated.Task;

    public override bool IsTerminated => _terminated.Task.IsCompleted;

    public override void SendSystemMessage(ISystemMessage message)
    {
        switch (message)
        {
            case Failed failed:
                provider.System.GetLogger(Path.ToString(), typeof(RootGuardianSupervisor))
                    .Error(failed.Cause, "Guardian failed, shutting down the system");
                ((IInternalActorRef)failed.Child).Stop();
                break;
            case DeathWatchNotification:
                _terminated.TrySetResult();
                break;
        }
    }
}
