using LithairAkka.Hocon;

namespace LithairAkka.Actors.Dispatch;

/// <summary>
/// A dispatcher configuration bound once from HOCON. Keys (Akka.NET names): <c>type</c>
/// (<c>Dispatcher</c> = the .NET thread pool, <c>PinnedDispatcher</c> = one dedicated thread per actor,
/// <c>ForkJoinDispatcher</c> = a dedicated pool of <c>dedicated-thread-pool.thread-count</c> threads),
/// <c>throughput</c> (messages per actor per turn, at least 1) and <c>throughput-deadline-time</c>
/// (0 = none: a turn also ends once this much time passed).
/// </summary>
/// <param name="Id">The configuration path, used as dispatcher id.</param>
/// <param name="Type">The dispatcher type name.</param>
/// <param name="Throughput">Messages one actor processes before yielding its thread.</param>
/// <param name="ThroughputDeadlineTime">Time after which a turn ends, or null for none.</param>
/// <param name="ThreadCount">Threads of a ForkJoinDispatcher.</param>
public sealed record DispatcherSettings(string Id, string Type, int Throughput, TimeSpan? ThroughputDeadlineTime, int ThreadCount)
{
    /// <summary>Binds the section at <paramref name="id"/>.</summary>
    /// <exception cref="ConfigurationException">When the section is absent or a key is invalid; the message names the key.</exception>
    public static DispatcherSettings Create(Config config, string id)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (!config.HasPath(id))
        {
            throw new ConfigurationException($"Dispatcher [{id}] is not configured: no section at '{id}'.");
        }

        // Like Akka, a custom dispatcher inherits every key it does not set from the default dispatcher.
        var section = config.GetConfig(id).WithFallback(config.GetConfig(Dispatchers.DefaultDispatcherId));
        var type = section.GetString("type", "Dispatcher");
        if (type is not ("Dispatcher" or "PinnedDispatcher" or "ForkJoinDispatcher"))
        {
            throw new ConfigurationException($"'{id}.type' must be Dispatcher, PinnedDispatcher or ForkJoinDispatcher, was '{type}'.");
        }

        var throughput = section.GetInt("throughput", 30);
        if (throughput < 1)
        {
            throw new ConfigurationException($"'{id}.throughput' must be at least 1, was {throughput}.");
        }

        var deadline = section.GetTimeSpan("throughput-deadline-time", TimeSpan.Zero);
        if (deadline < TimeSpan.Zero)
        {
            throw new ConfigurationException($"'{id}.throughput-deadline-time' must not be negative, was {deadline}.");
        }

        var threads = section.GetInt("dedicated-thread-pool.thread-count", Environment.ProcessorCount);
        if (threads < 1)
        {
            throw new ConfigurationException($"'{id}.dedicated-thread-pool.thread-count' must be at least 1, was {threads}.");
        }

        return new DispatcherSettings(id, type, throughput, deadline == TimeSpan.Zero ? null : deadline, threads);
    }
}
