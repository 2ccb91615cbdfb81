using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallGateway.Tests.Support;

namespace CallGateway.Tests.Settings;

/// <summary>/api/settings against a scripted Graph: what is sent to Meta, what comes back, and how Meta's errors surface.</summary>
public sealed class SettingsEndpointsTests : IDisposable
{
    // The GET sample of calling-api-reference.txt, with the colons the copy lost put back.
    internal const string MetaSample = """
        {"calling":{"status":"ENABLED","call_icon_visibility":"DEFAULT",
          "call_hours":{"status":"ENABLED","timezone_id":"America/Manaus",
            "weekly_operating_hours":[{"day_of_week":"MONDAY","open_time":"0400","close_time":"1020"},{"day_of_week":"TUESDAY","open_time":"0108","close_time":"1020"}],
            "holiday_schedule":[{"date":"2026-01-01","start_time":"0000","end_time":"2359"}]},
          "callback_permission_status":"ENABLED",
          "sip":{"status":"ENABLED","servers":[{"hostname":"sip.example.com","port":5061,"request_uri_user_params":{"KEY1":"VALUE1","KEY2":"VALUE2"}}]}},
         "id":"105615555715855"}
        """;

    private readonly ScriptedGateway _scripted = new();

    public void Dispose() => _scripted.Dispose();

    [Fact]
    public async Task Get_ProxiesMetasSettings_InCamelCase()
    {
        _scripted.Graph.Respond("GET settings", HttpStatusCode.OK, MetaSample);

        var settings = await _scripted.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/settings", UriKind.Relative));

        var request = Assert.Single(_scripted.Graph.Requests);
        Assert.Equal($"/v23.0/{GatewayFactory.PhoneNumberId}/settings", request.Path);
        Assert.Equal("", request.Query);
        Assert.Equal($"Bearer {GatewayFactory.AccessToken}", request.Authorization);
        Assert.Equal("DEFAULT", settings.GetProperty("callIconVisibility").GetString());
        var hours = settings.GetProperty("callHours");
        Assert.Equal("America/Manaus", hours.GetProperty("timezoneId").GetString());
        Assert.Equal("0108", hours.GetProperty("weeklyOperatingHours")[1].GetProperty("openTime").GetString());
        Assert.Equal("2359", hours.GetProperty("holidaySchedule")[0].GetProperty("endTime").GetString());
        var server = settings.GetProperty("sip").GetProperty("servers")[0];
        Assert.Equal(5061, server.GetProperty("port").GetInt32());
        Assert.Equal("VALUE1", server.GetProperty("requestUriUserParams").GetProperty("KEY1").GetString());
        Assert.False(server.TryGetProperty("sipUserPassword", out var password) && password.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task Get_WithSipCredentials_AsksMetaForThem_AndNeverLogsThePassword()
    {
        const string secret = "sip-pass-8f2d61c0";
        _scripted.Graph.Respond("GET settings", HttpStatusCode.OK,
            "{\"calling\":{\"sip\":{\"status\":\"ENABLED\",\"servers\":[{\"hostname\":\"sip.example.com\",\"sip_user_password\":\"" + secret + "\"}]}}}");

        var settings = await _scripted.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/settings?includeSipCredentials=true", UriKind.Relative));

        Assert.Equal("?include_sip_credentials=true", Assert.Single(_scripted.Graph.Requests).Query);
        Assert.Equal(secret, settings.GetProperty("sip").GetProperty("servers")[0].GetProperty("sipUserPassword").GetString());
        await GatewayFactory.Eventually(() => Task.FromResult(_scripted.Gateway.Logs.Rendered().Any(l => l.Contains("/api/settings", StringComparison.Ordinal))),
            "the request log line of GET /api/settings");
        Assert.DoesNotContain(_scripted.Gateway.Logs.Rendered(), line => line.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Put_SendsMetaTheSnakeCaseBody()
    {
        var response = await _scripted.Client.PutAsJsonAsync(new Uri("/api/settings", UriKind.Relative), new
        {
            status = "ENABLED",
            callIconVisibility = "DISABLE_ALL",
            callHours = new
            {
                status = "ENABLED",
                timezoneId = "Europe/Berlin",
                weeklyOperatingHours = new[] { new { dayOfWeek = "MONDAY", openTime = "0900", closeTime = "1700" } },
                holidaySchedule = new[] { new { date = "2099-12-24", startTime = "1200", endTime = "2359" } },
            },
            sip = new { status = "DISABLED", servers = new[] { new { hostname = "sip.example.com", port = 5061, requestUriUserParams = new Dictionary<string, string> { ["TGRP"] = "wa" } } } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Empty(body.GetProperty("warnings").EnumerateArray());
        var sent = Assert.Single(_scripted.Graph.To("POST settings"));
        Assert.Equal(
            """{"calling":{"status":"ENABLED","call_icon_visibility":"DISABLE_ALL","call_hours":{"status":"ENABLED","timezone_id":"Europe/Berlin","weekly_operating_hours":[{"day_of_week":"MONDAY","open_time":"0900","close_time":"1700"}],"holiday_schedule":[{"date":"2099-12-24","start_time":"1200","end_time":"2359"}]},"sip":{"status":"DISABLED","servers":[{"hostname":"sip.example.com","port":5061,"request_uri_user_params":{"TGRP":"wa"}}]}}}""",
            sent.Body);
    }

    [Fact]
    public async Task Put_CallHoursWithoutHolidays_WarnsThatMetaDeletesThem()
    {
        var response = await _scripted.Client.PutAsJsonAsync(new Uri("/api/settings", UriKind.Relative), new
        {
            callHours = new { status = "ENABLED", timezoneId = "UTC", weeklyOperatingHours = new[] { new { dayOfWeek = "FRIDAY", openTime = "0800", closeTime = "1600" } } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warning = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings").EnumerateArray());
        Assert.Contains("holidaySchedule", warning.GetString(), StringComparison.Ordinal);
        Assert.False(Assert.Single(_scripted.Graph.To("POST settings")).Json.GetProperty("calling").GetProperty("call_hours").TryGetProperty("holiday_schedule", out _));
    }

    [Fact]
    public async Task Put_SipPassword_IsNeverSentToMeta()
    {
        var response = await _scripted.Client.PutAsJsonAsync(new Uri("/api/settings", UriKind.Relative), new
        {
            sip = new { status = "DISABLED", servers = new[] { new { hostname = "sip.example.com", port = 5061, sipUserPassword = "do-not-send-me" } } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("do-not-send-me", Assert.Single(_scripted.Graph.To("POST settings")).Body, StringComparison.Ordinal);
        Assert.Contains("sipUserPassword", (await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_BrokenRules_Is400WithOneErrorPerViolation_AndNothingReachesMeta()
    {
        var response = await _scripted.Client.PutAsJsonAsync(new Uri("/api/settings", UriKind.Relative), new
        {
            callIconVisibility = "HIDDEN",
            callHours = new
            {
                status = "ENABLED",
                timezoneId = "Atlantis/Capital",
                weeklyOperatingHours = new[]
                {
                    new { dayOfWeek = "MONDAY", openTime = "0900", closeTime = "1200" },
                    new { dayOfWeek = "MONDAY", openTime = "1100", closeTime = "1300" },
                },
                holidaySchedule = new[] { new { date = "24.12.2099", startTime = "0000", endTime = "2359" } },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            ["CallHours.HolidaySchedule[0].Date", "CallHours.TimezoneId", "CallHours.WeeklyOperatingHours[1]", "CallIconVisibility"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.StartsWith("Timezone is invalid in call_hours:", errors.GetProperty("CallHours.TimezoneId")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Date format in holiday_schedule for call_hours is invalid:", errors.GetProperty("CallHours.HolidaySchedule[0].Date")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(_scripted.Graph.Requests);
    }

    [Theory]
    [InlineData("""{"callHours":{"status":"ENABLED","timezoneId":"UTC","weeklyOperatingHours":[null]}}""", "CallHours.WeeklyOperatingHours[0]")]
    [InlineData("""{"sip":{"servers":[null]}}""", "Sip.Servers[0]")]
    [InlineData("""{"callHours":{"status":"ENABLED","timezoneId":"UTC","weeklyOperatingHours":[{"dayOfWeek":"MONDAY","openTime":900,"closeTime":"1700"}]}}""", null)]
    public async Task Put_MalformedEntries_Are400NotServerErrors(string body, string? field)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await _scripted.Client.PutAsync(new Uri("/api/settings", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        if (field is not null)
        {
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        }

        Assert.Empty(_scripted.Graph.Requests);
    }

    [Fact]
    public async Task Put_MetaRefuses_Is422WithMetasCodeAndMessage()
    {
        _scripted.Graph.Respond("POST settings", HttpStatusCode.BadRequest,
            """{"error":{"message":"(#100) Invalid schedule for call_hours","type":"OAuthException","code":100,"fbtrace_id":"AzXy1"}}""");

        var response = await _scripted.Client.PutAsJsonAsync(new Uri("/api/settings", UriKind.Relative), new { status = "ENABLED" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(100, problem.GetProperty("metaErrorCode").GetInt32());
        Assert.Equal("AzXy1", problem.GetProperty("fbtraceId").GetString());
        Assert.Equal("(#100) Invalid schedule for call_hours", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Get_MetaFailing_Is502()
    {
        _scripted.Graph.Respond("GET settings", HttpStatusCode.InternalServerError, "upstream trouble");

        var response = await _scripted.Client.GetAsync(new Uri("/api/settings", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, problem.GetProperty("metaErrorCode").ValueKind);
    }

    [Fact]
    public async Task Get_MetaRateLimit_Is429()
    {
        _scripted.Graph.Respond("GET settings", HttpStatusCode.BadRequest, """{"error":{"message":"Rate limit hit","type":"OAuthException","code":613}}""");

        var response = await _scripted.Client.GetAsync(new Uri("/api/settings", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(613, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("metaErrorCode").GetInt32());
    }

    [Fact]
    public async Task OpenNow_EvaluatesInTheBusinessTimezone()
    {
        var allWeek = string.Join(",", new[] { "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY" }
            .Select(d => $"{{\"day_of_week\":\"{d}\",\"open_time\":\"0000\",\"close_time\":\"2359\"}}"));
        _scripted.Graph.Respond("GET settings", HttpStatusCode.OK,
            $"{{\"calling\":{{\"status\":\"ENABLED\",\"call_hours\":{{\"status\":\"ENABLED\",\"timezone_id\":\"Asia/Kolkata\",\"weekly_operating_hours\":[{allWeek}]}}}}}}");

        var status = await _scripted.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/settings/open-now", UriKind.Relative));

        Assert.True(status.GetProperty("open").GetBoolean());
        Assert.Equal("within_operating_hours", status.GetProperty("reason").GetString());
        Assert.Equal("Asia/Kolkata", status.GetProperty("timezone").GetString());
        Assert.EndsWith("+05:30", status.GetProperty("localTime").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, status.GetProperty("nextOpening").ValueKind);
    }

    [Fact]
    public async Task OpenNow_ReusesTheSettingsUntilAnUpdate()
    {
        _scripted.Graph.Respond("GET settings", HttpStatusCode.OK, """{"calling":{"status":"ENABLED","call_hours":{"status":"DISABLED","timezone_id":"UTC"}}}""");

        var first = await _scripted.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/settings/open-now", UriKind.Relative));
        await _scripted.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/settings/open-now", UriKind.Relative));
        Assert.True(first.GetProperty("open").GetBoolean());
        Assert.Equal("call_hours_disabled", first.GetProperty("reason").GetString());
        Assert.Single(_scripted.Graph.To("GET settings"));

        (await _scripted.Client.PutAsJsonAsync(new Uri("/api/settings", UriKind.Relative), new { status = "DISABLED" })).EnsureSuccessStatusCode();
        _scripted.Graph.Respond("GET settings", HttpStatusCode.OK, """{"calling":{"status":"DISABLED"}}""");
        var after = await _scripted.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/settings/open-now", UriKind.Relative));

        Assert.Equal(2, _scripted.Graph.To("GET settings").Count);
        Assert.False(after.GetProperty("open").GetBoolean());
        Assert.Equal("calling_disabled", after.GetProperty("reason").GetString());
    }
}
