namespace LithairAkka.Persistence.Sql;

/// <summary>Runs a plugin's table initialization once, on first use; after a failure the next operation tries again. Thread-safe.</summary>
internal sealed class Initializer(Func<Task> initialize)
{
    private readonly Lock _lock = new();
    private Task? _task;

    /// <summary>Completes when the tables exist.</summary>
    public Task EnsureAsync()
    {
        var task = Volatile.Read(ref _task);
        if (task is { IsCompletedSuccessfully: true })
        {
            return Task.CompletedTask;
        }

        lock (_lock)
        {
            if (_task is null || _task.IsFaulted || _task.IsCanceled)
            {
                _task = initialize();
            }

            return _task;
        }
    }
}
