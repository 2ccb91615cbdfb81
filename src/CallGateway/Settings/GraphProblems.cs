using System.Net;
using CallGateway.Meta.Graph;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallGateway.Settings;

/// <summary>
/// A failed Graph request as problem+json: Meta's refusal is 422 with <c>metaErrorCode</c> and Meta's message, its rate
/// limit (613, or HTTP 429) is 429, and no usable answer at all is 502.
/// </summary>
public static class GraphProblems
{
    public const int RateLimitCode = 613;

    public static ProblemHttpResult From(MetaGraphException exception, string title)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = exception switch
        {
            { MetaCode: RateLimitCode } or { StatusCode: HttpStatusCode.TooManyRequests } => StatusCodes.Status429TooManyRequests,
            { MetaCode: not null } => StatusCodes.Status422UnprocessableEntity,
            _ => StatusCodes.Status502BadGateway,
        };
        var detail = exception.Error?.Message is { Length: > 0 } message ? message : exception.Message;
        if (exception.Error?.ErrorData?.Details is { Length: > 0 } details)
        {
            detail += $" ({details})";
        }

        return TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: new Dictionary<string, object?>
        {
            ["metaErrorCode"] = exception.MetaCode,
            ["metaErrorSubcode"] = exception.Error?.ErrorSubcode,
            ["fbtraceId"] = exception.Error?.FbtraceId,
        });
    }
}
