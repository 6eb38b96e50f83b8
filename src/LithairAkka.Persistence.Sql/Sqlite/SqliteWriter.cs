using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace LithairAkka.Persistence.Sql.Sqlite;

/// <summary>
/// The single writer of a SQLite database: one connection (WAL mode, <c>synchronous=FULL</c>) owned by a dedicated
/// thread that runs write jobs one after another, so that fsyncs never block thread-pool threads and writes never
/// contend with each other. Jobs are queued from any thread; their tasks complete asynchronously.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    private readonly BlockingCollection<Job> _jobs = new();
    private readonly string _connectionString;
    private readonly Thread _thread;
    private SqliteConnection? _connection;

    public SqliteWriter(string connectionString, string name)
    {
        _connectionString = connectionString;
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="work"/> on the writer thread with the writer connection.</summary>
    /// <exception cref="ObjectDisposedException">When the writer is disposed.</exception>
    public Task<T> RunAsync<T>(Func<SqliteConnection, T> work)
    {
        var job = new Job<T>(work);
        try
        {
            _jobs.Add(job);
        }
        catch (InvalidOperationException e)
        {
            throw new ObjectDisposedException("The SQLite writer is stopped.", e);
        }

        return job.Task;
    }

    public ValueTask DisposeAsync()
    {
        _jobs.CompleteAdding();
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join(TimeSpan.FromSeconds(30));
        }

        _jobs.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Run()
    {
        try
        {
            foreach (var job in _jobs.GetConsumingEnumerable())
            {
                SqliteConnection connection;
                try
                {
                    connection = _connection ??= Open();
                }
                catch (Exception e)
                {
                    job.Fail(e);
                    continue;
                }

                try
                {
                    job.Run(connection);
                }
                catch (SqliteException)
                {
                    // The job reported it; a broken connection is reopened for the next one.
                    _connection?.Dispose();
                    _connection = null;
                }
            }
        }
        finally
        {
            _connection?.Dispose();
        }
    }

    private SqliteConnection Open()
    {
        var connection = SqliteConnections.Open(_connectionString);
        try
        {
            SqliteConnections.Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private abstract class Job
    {
        /// <summary>Runs the work and completes the task; rethrows SQLite errors so the writer can reset its connection.</summary>
        public abstract void Run(SqliteConnection connection);

        /// <summary>Completes the task with <paramref name="error"/> without running the work.</summary>
        public abstract void Fail(Exception error);
    }

    private sealed class Job<T>(Func<SqliteConnection, T> work) : Job
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<T> Task => _completion.Task;

        public override void Run(SqliteConnection connection)
        {
            try
            {
                _completion.SetResult(work(connection));
            }
            catch (SqliteException e) when (IsConnectionBroken(e))
            {
                _completion.SetException(e);
                throw;
            }
            catch (Exception e)
            {
                _completion.SetException(e);
            }
        }

        public override void Fail(Exception error) => _completion.SetException(error);

        private static bool IsConnectionBroken(SqliteException e) =>
            e.SqliteErrorCode is 10 /* IOERR */ or 11 /* CORRUPT */ or 14 /* CANTOPEN */ or 26 /* NOTADB */;
    }
}
