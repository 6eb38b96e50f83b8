namespace LithairAkka.Actors.Event;

/// <summary>Obtaining loggers.</summary>
public static class LoggingExtensions
{
    /// <summary>A logger whose source is the actor's path and whose class is the actor's type. Call in the actor.</summary>
    public static ILoggingAdapter GetLogger(this IActorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cell = (ActorCell)context;
        return cell.SystemImpl.LogFor(cell.Self.Path.ToString(), cell.Actor?.GetType() ?? cell.Props.ActorType);
    }

    /// <summary>A logger for code outside actors; <paramref name="logSource"/> names the source.</summary>
    public static ILoggingAdapter GetLogger(this ActorSystem system, string logSource, Type logClass)
    {
        ArgumentNullException.ThrowIfNull(system);
        return ((ActorSystemImpl)system).LogFor(logSource, logClass);
    }
}
