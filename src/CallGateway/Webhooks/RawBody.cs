using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace CallGateway.Webhooks;

/// <summary>Reads a request body as raw bytes, up to a limit, without decoding it.</summary>
internal static class RawBody
{
    /// <summary>Returns the body, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpContext http, int maxBytes, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > maxBytes)
        {
            return null;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1L;
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(http.Request.ContentLength ?? 16 * 1024, maxBytes) + 1);
        while (true)
        {
            var memory = buffer.GetMemory(16 * 1024);
            int read;
            try
            {
                read = await http.Request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return null;
            }

            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return null;
            }
        }
    }
}
