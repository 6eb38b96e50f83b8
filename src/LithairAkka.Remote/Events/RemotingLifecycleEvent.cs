namespace LithairAkka.Remote.Events;

/// <summary>
/// Base of the remoting events published on the actor system's event stream (Akka's <c>RemotingLifecycleEvent</c>):
/// subscribe with <c>system.EventStream.Subscribe(actor, typeof(RemotingLifecycleEvent))</c> or to one subtype.
/// Published in the order the transport observed them.
/// </summary>
public abstract record RemotingLifecycleEvent;
