namespace LithairAkka.Actors.Event;

/// <summary>Log levels, after Akka's names; <c>akka.loglevel</c> accepts DEBUG, INFO, WARNING, ERROR and OFF.</summary>
public enum LogLevel
{
    /// <summary>Debug.</summary>
    DebugLevel = 0,

    /// <summary>Info.</summary>
    InfoLevel = 1,

    /// <summary>Warning.</summary>
    WarningLevel = 2,

    /// <summary>Error.</summary>
    ErrorLevel = 3,

    /// <summary>Nothing is logged.</summary>
    OffLevel = 4,
}
