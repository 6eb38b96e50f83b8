using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace LithairAkka.Management.Api;

/// <summary>Reads request bodies under the node's size cap (<c>lithair.http.max-value-size</c>).</summary>
internal static class RequestBodies
{
    /// <summary>The body, or <see langword="null"/> as soon as it is known to exceed <paramref name="max"/> bytes.</summary>
    public static async Task<byte[]?> ReadCappedAsync(HttpContext context, long max)
    {
        if (context.Request.ContentLength > max)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // Our own cap applies below; Kestrel's default (30 MB) must not answer first with its own error.
            limit.MaxRequestBodySize = null;
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(max + 1, 64 * 1024));
        while (true)
        {
            var memory = buffer.GetMemory(16 * 1024);
            var read = await context.Request.Body.ReadAsync(memory, context.RequestAborted).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > max)
            {
                return null;
            }
        }
    }
}
