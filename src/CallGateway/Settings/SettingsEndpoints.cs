using CallGateway.Api;
using CallGateway.Meta.Graph;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallGateway.Settings;

/// <summary>The business number's calling settings at Meta, checked locally against Meta's rules, and whether the business is open now.</summary>
public static class SettingsEndpoints
{
    private const string Naming = "Fields are camelCase here and snake_case at Meta (callHours.timezoneId is call_hours.timezone_id).";

    public static RouteGroupBuilder MapSettingsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/settings").WithTags("Settings");
        group.MapGet("", GetAsync).WithName("GetSettings").WithSummary("The calling settings, as Meta has them")
            .WithDescription($"Proxies GET /{{phone-number-id}}/settings. {Naming} includeSipCredentials=true adds each SIP server's sipUserPassword (a secret: never logged).")
            .WithGraphProblems();
        group.MapPut("", UpdateAsync).WithValidation<CallingSettings>().WithName("UpdateSettings").WithSummary("Change the calling settings")
            .WithDescription($"Checks Meta's rules locally (400 with one error per broken rule), then POSTs {{\"calling\":{{...}}}} to Meta. {Naming} "
                + "Fields left out are not changed, but callHours replaces Meta's call hours as a whole, and without holidaySchedule Meta deletes the stored holidays: the response's warnings say so.")
            .WithGraphProblems();
        group.MapGet("/open-now", OpenNowAsync).WithName("GetOpenNow").WithSummary("Whether the business is open now, by its call hours and holidays")
            .WithDescription("Evaluated in the business's time zone (daylight saving time included) on settings fetched from Meta and reused for Settings:OpenNowCacheSeconds. "
                + "nextOpening carries the business's UTC offset at that moment.")
            .WithGraphProblems();
        return group;
    }

    internal static async Task<Results<Ok<CallingSettings>, ProblemHttpResult>> GetAsync(
        bool? includeSipCredentials, IMetaGraphClient graph, CancellationToken cancellationToken)
    {
        try
        {
            var body = await graph.GetSettingsAsync(includeSipCredentials == true, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(SettingsWire.FromGraph(body));
        }
        catch (MetaGraphException ex)
        {
            return GraphProblems.From(ex, "The settings could not be read from Meta");
        }
    }

    internal static async Task<Results<Ok<SettingsUpdateResponse>, ProblemHttpResult>> UpdateAsync(
        CallingSettings request, IMetaGraphClient graph, CallingSettingsCache cache, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var warnings = SettingsWarnings.For(request);
        try
        {
            await graph.UpdateSettingsAsync(SettingsWire.ToGraph(request), cancellationToken).ConfigureAwait(false);
        }
        catch (MetaGraphException ex)
        {
            return GraphProblems.From(ex, "Meta refused the settings");
        }
        finally
        {
            // Even a failed update may have reached Meta: read the settings afresh next time.
            cache.Invalidate();
        }

        SettingsLog.Updated(loggers.CreateLogger(typeof(SettingsEndpoints)), request, warnings.Count);
        return TypedResults.Ok(new SettingsUpdateResponse(true, warnings));
    }

    internal static async Task<Results<Ok<OpenNowStatus>, ProblemHttpResult>> OpenNowAsync(
        CallingSettingsCache cache, BusinessHoursCalculator calculator, CancellationToken cancellationToken)
    {
        try
        {
            var settings = await cache.GetAsync(cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(calculator.Evaluate(settings));
        }
        catch (MetaGraphException ex)
        {
            return GraphProblems.From(ex, "The settings could not be read from Meta");
        }
    }

    private static RouteHandlerBuilder WithGraphProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status502BadGateway);
}
