using Microsoft.AspNetCore.Diagnostics;

namespace CallGateway.Api;

/// <summary>
/// Turns request-binding failures (unreadable JSON, a bad query value) into a 400 problem+json with the reason,
/// in every environment, instead of an empty 400 or a 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = bad.StatusCode, Title = "The request could not be read", Detail = bad.Message },
        }).ConfigureAwait(false);
    }
}
