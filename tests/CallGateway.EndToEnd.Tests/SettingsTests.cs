using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallGateway.EndToEnd.Tests.Support;
using CallGateway.Meta.Graph;
using Microsoft.Extensions.DependencyInjection;

namespace CallGateway.EndToEnd.Tests;

/// <summary>Calling settings through the gateway and the sandbox's emulated Graph /settings, over real HTTP.</summary>
public sealed class SettingsTests
{
    [Fact]
    public async Task Settings_RoundTrip()
    {
        using var gateway = new SandboxGateway();
        var holiday = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var put = await PutAsync(gateway, new
        {
            status = "ENABLED",
            callIconVisibility = "DISABLE_ALL",
            callbackPermissionStatus = "ENABLED",
            callHours = new
            {
                status = "ENABLED",
                timezoneId = "Europe/Berlin",
                weeklyOperatingHours = new[]
                {
                    new { dayOfWeek = "MONDAY", openTime = "0800", closeTime = "1200" },
                    new { dayOfWeek = "MONDAY", openTime = "1300", closeTime = "1700" },
                    new { dayOfWeek = "SATURDAY", openTime = "1000", closeTime = "1400" },
                },
                holidaySchedule = new[] { new { date = holiday, startTime = "0000", endTime = "2359" } },
            },
            sip = new { status = "DISABLED", servers = new[] { new { hostname = "sip.example.com", port = 5061, requestUriUserParams = new Dictionary<string, string> { ["TGRP"] = "wa-trunk" } } } },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Empty((await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings").EnumerateArray());

        var settings = await gateway.GetJsonAsync("/api/settings");

        Assert.Equal("DISABLE_ALL", settings.GetProperty("callIconVisibility").GetString());
        var hours = settings.GetProperty("callHours");
        Assert.Equal("Europe/Berlin", hours.GetProperty("timezoneId").GetString());
        Assert.Equal(["MONDAY 0800-1200", "MONDAY 1300-1700", "SATURDAY 1000-1400"], hours.GetProperty("weeklyOperatingHours").EnumerateArray()
            .Select(e => $"{e.GetProperty("dayOfWeek").GetString()} {e.GetProperty("openTime").GetString()}-{e.GetProperty("closeTime").GetString()}"));
        Assert.Equal(holiday, hours.GetProperty("holidaySchedule")[0].GetProperty("date").GetString());
        var server = settings.GetProperty("sip").GetProperty("servers")[0];
        Assert.Equal("wa-trunk", server.GetProperty("requestUriUserParams").GetProperty("TGRP").GetString());
        Assert.False(server.TryGetProperty("sipUserPassword", out var none) && none.ValueKind == JsonValueKind.String);

        var withCredentials = await gateway.GetJsonAsync("/api/settings?includeSipCredentials=true");
        Assert.StartsWith("sandbox-sip-", withCredentials.GetProperty("sip").GetProperty("servers")[0].GetProperty("sipUserPassword").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallHoursWithoutHolidays_Warns_AndMetaDeletesThem()
    {
        using var gateway = new SandboxGateway();
        var weekly = new[] { new { dayOfWeek = "FRIDAY", openTime = "0900", closeTime = "1700" } };
        var holidays = new[] { new { date = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), startTime = "0000", endTime = "2359" } };
        (await PutAsync(gateway, new { callHours = new { status = "ENABLED", timezoneId = "UTC", weeklyOperatingHours = weekly, holidaySchedule = holidays } })).EnsureSuccessStatusCode();

        var put = await PutAsync(gateway, new { callHours = new { status = "ENABLED", timezoneId = "UTC", weeklyOperatingHours = weekly } });

        var warning = Assert.Single((await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings").EnumerateArray());
        Assert.Contains("deletes the stored holiday schedule", warning.GetString(), StringComparison.Ordinal);
        Assert.Empty((await gateway.GetJsonAsync("/api/settings")).GetProperty("callHours").GetProperty("holidaySchedule").EnumerateArray());
    }

    [Fact]
    public async Task InvalidSettings_AreStoppedByTheGateway_AndRefusedByTheSandboxWithMetasMessages()
    {
        using var gateway = new SandboxGateway();
        var overlapping = new
        {
            callHours = new
            {
                status = "ENABLED",
                timezoneId = "UTC",
                weeklyOperatingHours = new[] { new { dayOfWeek = "MONDAY", openTime = "0900", closeTime = "1200" }, new { dayOfWeek = "MONDAY", openTime = "1100", closeTime = "1300" } },
            },
        };
        var local = await PutAsync(gateway, overlapping);
        Assert.Equal(HttpStatusCode.BadRequest, local.StatusCode);
        Assert.DoesNotContain(gateway.GraphRequests.Entries, e => e.Action == "settings/update");

        // The same body straight to the emulated Graph API (what a client without our checks would meet at Meta).
        var graph = gateway.Services.GetRequiredService<IMetaGraphClient>();
        foreach (var (body, message) in new[]
        {
            ("""{"calling":{"call_hours":{"status":"ENABLED","timezone_id":"UTC","weekly_operating_hours":[{"day_of_week":"MONDAY","open_time":"0900","close_time":"1200"},{"day_of_week":"MONDAY","open_time":"1100","close_time":"1300"}]}}}""",
                "Overlapping schedule in call_hours is not allowed"),
            ("""{"calling":{"call_hours":{"status":"ENABLED","timezone_id":"Mars/Olympus_Mons","weekly_operating_hours":[{"day_of_week":"MONDAY","open_time":"0900","close_time":"1200"}]}}}""",
                "Timezone is invalid in call_hours"),
            ("""{"calling":{"call_hours":{"status":"ENABLED","timezone_id":"UTC","weekly_operating_hours":[{"day_of_week":"MONDAY","open_time":"0900","close_time":"1200"}],"holiday_schedule":[{"date":"2020-01-01","start_time":"0000","end_time":"2359"}]}}}""",
                "Holiday given in call_hours is a past date"),
        })
        {
            using var json = JsonDocument.Parse(body);
            var refused = await Assert.ThrowsAsync<MetaGraphException>(() => graph.UpdateSettingsAsync(json.RootElement, CancellationToken.None));
            Assert.Equal(100, refused.MetaCode);
            Assert.Equal($"(#100) {message}", refused.Error!.Message);
        }
    }

    [Fact]
    public async Task OpenNow_InTheBusinessTimezone_AcrossTimezones()
    {
        using var gateway = new SandboxGateway();
        foreach (var zoneId in new[] { "Asia/Kolkata", "America/New_York" })
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            await AwayFromMidnightAsync(zone);
            var allWeek = new[] { "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY" }
                .Select(d => new { dayOfWeek = d, openTime = "0000", closeTime = "2359" }).ToArray();
            (await PutAsync(gateway, new { callHours = new { status = "ENABLED", timezoneId = zoneId, weeklyOperatingHours = allWeek, holidaySchedule = Array.Empty<object>() } }))
                .EnsureSuccessStatusCode();

            var open = await gateway.GetJsonAsync("/api/settings/open-now");
            Assert.True(open.GetProperty("open").GetBoolean(), open.ToString());
            Assert.Equal(zoneId, open.GetProperty("timezone").GetString());
            var local = open.GetProperty("localTime").GetDateTimeOffset();
            Assert.Equal(zone.GetUtcOffset(local), local.Offset);

            // A holiday today (in the business's time zone) closes it until tomorrow's midnight there.
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
            var holiday = new[] { new { date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), startTime = "0000", endTime = "2359" } };
            (await PutAsync(gateway, new { callHours = new { status = "ENABLED", timezoneId = zoneId, weeklyOperatingHours = allWeek, holidaySchedule = holiday } }))
                .EnsureSuccessStatusCode();

            var closed = await gateway.GetJsonAsync("/api/settings/open-now");
            Assert.False(closed.GetProperty("open").GetBoolean(), closed.ToString());
            Assert.Equal("holiday", closed.GetProperty("reason").GetString());
            var next = closed.GetProperty("nextOpening").GetDateTimeOffset();
            var midnight = today.AddDays(1).ToDateTime(TimeOnly.MinValue);
            Assert.Equal(midnight, next.DateTime);
            Assert.Equal(zone.GetUtcOffset(midnight), next.Offset);
        }
    }

    private static Task<HttpResponseMessage> PutAsync(SandboxGateway gateway, object body) =>
        gateway.Http.PutAsJsonAsync(new Uri("/api/settings", UriKind.Relative), body);

    /// <summary>Keeps "today" stable for the test: waits (at most 3 minutes) when the zone's midnight is about to pass.</summary>
    private static async Task AwayFromMidnightAsync(TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone);
        var untilMidnight = local.Date.AddDays(1) - local.DateTime;
        if (untilMidnight < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(untilMidnight + TimeSpan.FromSeconds(5));
        }
    }
}
