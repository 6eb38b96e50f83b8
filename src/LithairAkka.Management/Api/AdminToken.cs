using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace LithairAkka.Management.Api;

/// <summary>The <c>lithair.http.admin-token</c> check of administrative routes (<c>Authorization: Bearer …</c>).</summary>
internal static class AdminToken
{
    private const string Scheme = "Bearer ";

    /// <summary>
    /// Whether the request may proceed: always when no token is configured; otherwise only with the right bearer
    /// token. When it may not, the 401 (no token given) or 403 (wrong token) answer has been written.
    /// </summary>
    public static async Task<bool> AuthorizeAsync(HttpContext context, string configured)
    {
        if (configured.Length == 0)
        {
            return true;
        }

        var header = (string?)context.Request.Headers.Authorization;
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Responses.ErrorAsync(context, StatusCodes.Status401Unauthorized, "unauthorized", "This route requires Authorization: Bearer <lithair.http.admin-token>.").ConfigureAwait(false);
            return false;
        }

        // Constant-time comparison: the token must not leak through response timing.
        var given = Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim());
        if (!CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(configured)))
        {
            await Responses.ErrorAsync(context, StatusCodes.Status403Forbidden, "forbidden", "Wrong admin token.").ConfigureAwait(false);
            return false;
        }

        return true;
    }
}
