namespace LithairAkka.Actors.Dispatch.SysMsg;

/// <summary>Resumes user-message processing; when it answers a failure, the actor's failed state is cleared.</summary>
/// <param name="CausedByFailure">The failure this resume answers, or null for a plain resume.</param>
public sealed record Resume(Exception? CausedByFailure) : ISystemMessage, IStashWhenWaitingForChildren;
