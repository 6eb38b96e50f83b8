using System.Reflection;
using LithairAkka.Actors.Serialization;

namespace LithairAkka.Remote.Serialization;

/// <summary>
/// Exceptions across nodes: the type name, message and stack trace, and the inner exception the same way (up to a
/// depth of 4). On arrival the original type is recreated when it is an <see cref="Exception"/> with a public
/// <c>(string)</c> constructor; otherwise an <see cref="AkkaException"/> carries the type name in its message. The
/// remote stack trace is kept in <see cref="Exception.Data"/> under <see cref="RemoteStackTraceKey"/>.
/// </summary>
public static class ExceptionCodec
{
    /// <summary>The <see cref="Exception.Data"/> key of the stack trace on the node the exception came from.</summary>
    public const string RemoteStackTraceKey = "RemoteStackTrace";

    private const int MaxDepth = 4;

    /// <summary>Writes <paramref name="exception"/> (null allowed).</summary>
    public static void Write(BinaryMessageWriter writer, Exception? exception) => Write(writer, exception, 0);

    /// <summary>Reads an exception written by <see cref="Write(BinaryMessageWriter, Exception?)"/>.</summary>
    public static Exception Read(ref BinaryMessageReader reader) =>
        ReadNullable(ref reader) ?? new AkkaException("A remote failure without an exception.");

    private static void Write(BinaryMessageWriter writer, Exception? exception, int depth)
    {
        if (exception is null || depth >= MaxDepth)
        {
            writer.WriteString(null);
            return;
        }

        writer.WriteString(TypeManifest.Of(exception.GetType()));
        writer.WriteString(exception.Message);
        writer.WriteString(exception.StackTrace ?? (exception.Data[RemoteStackTraceKey] as string));
        Write(writer, exception.InnerException, depth + 1);
    }

    private static Exception? ReadNullable(ref BinaryMessageReader reader)
    {
        var typeName = reader.ReadString();
        if (typeName is null)
        {
            return null;
        }

        var message = reader.ReadString() ?? string.Empty;
        var stackTrace = reader.ReadString();
        var inner = ReadNullable(ref reader);
        var exception = Create(typeName, message, inner);
        if (stackTrace is not null)
        {
            exception.Data[RemoteStackTraceKey] = stackTrace;
        }

        return exception;
    }

    private static Exception Create(string typeName, string message, Exception? inner)
    {
        var type = TypeManifest.TryResolve(typeName);
        if (type is not null && typeof(Exception).IsAssignableFrom(type) && !type.IsAbstract)
        {
            try
            {
                if (inner is not null && type.GetConstructor([typeof(string), typeof(Exception)]) is { } withInner)
                {
                    return (Exception)withInner.Invoke([message, inner]);
                }

                if (type.GetConstructor([typeof(string)]) is { } withMessage)
                {
                    return (Exception)withMessage.Invoke([message]);
                }
            }
            catch (TargetInvocationException)
            {
                // The constructor rejected the message; fall back below.
            }
        }

        return new AkkaException($"{typeName}: {message}", inner);
    }
}
