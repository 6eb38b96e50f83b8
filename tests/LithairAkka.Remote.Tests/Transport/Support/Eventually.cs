using System.Diagnostics;
using Xunit.Sdk;

namespace LithairAkka.Remote.Tests.Transport.Support;

/// <summary>Awaits a condition with a deadline (Akka TestKit's AwaitCondition): polls, never sleeps as synchronisation.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    public static async Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(started) > limit)
            {
                throw new XunitException($"Timed out after {limit.TotalSeconds:0.#}s waiting for: {what}");
            }

            await Task.Delay(2);
        }
    }

    public static async Task<T> CompletesAsync<T>(Task<T> task, string what, TimeSpan? timeout = null)
    {
        try
        {
            return await task.WaitAsync(timeout ?? DefaultTimeout);
        }
        catch (TimeoutException)
        {
            throw new XunitException($"Timed out waiting for: {what}");
        }
    }
}
