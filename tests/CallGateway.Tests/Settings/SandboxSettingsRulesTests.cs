using System.Globalization;
using System.Text.Json.Nodes;
using CallGateway.Sandbox.Graph;

namespace CallGateway.Tests.Settings;

/// <summary>The sandbox's emulated /settings refuses what Meta refuses, with Meta's error text and code 100.</summary>
public sealed class SandboxSettingsRulesTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-06-01T12:00:00Z", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("""{"call_hours":{"status":"ENABLED","timezone_id":"UTC","weekly_operating_hours":[{"day_of_week":"MONDAY","open_time":"1700","close_time":"0900"}]}}""", "Invalid schedule for call_hours")]
    [InlineData("""{"call_hours":{"status":"ENABLED","timezone_id":"UTC","weekly_operating_hours":[{"day_of_week":"MONDAY","open_time":"0900","close_time":"1700"}],"holiday_schedule":[{"date":"2026-05-01","start_time":"0000","end_time":"2359"}]}}""", "Holiday given in call_hours is a past date")]
    [InlineData("""{"call_hours":{"status":"ENABLED","timezone_id":"Moon/Tranquility","weekly_operating_hours":[{"day_of_week":"MONDAY","open_time":"0900","close_time":"1700"}]}}""", "Timezone is invalid in call_hours")]
    [InlineData("""{"call_hours":{"status":"ENABLED","timezone_id":"UTC","weekly_operating_hours":[]}}""", "weekly_operating_hours in call_hours cannot be empty")]
    [InlineData("""{"call_hours":{"status":"ENABLED","timezone_id":"UTC","weekly_operating_hours":[{"day_of_week":"MONDAY","open_time":"0900","close_time":"1700"}],"holiday_schedule":[{"date":"01/07/2026","start_time":"0000","end_time":"2359"}]}}""", "Date format in holiday_schedule for call_hours is invalid")]
    [InlineData("""{"call_hours":{"status":"ENABLED","timezone_id":"UTC","weekly_operating_hours":[{"day_of_week":"MONDAY","open_time":"0100","close_time":"0200"},{"day_of_week":"MONDAY","open_time":"0300","close_time":"0400"},{"day_of_week":"MONDAY","open_time":"0500","close_time":"0600"}]}}""", "More than 2 entries not allowed in weekly_operating_hours schedule in call_hours")]
    [InlineData("""{"call_hours":{"status":"ENABLED","timezone_id":"UTC","weekly_operating_hours":[{"day_of_week":"MONDAY","open_time":"0900","close_time":"1200"},{"day_of_week":"MONDAY","open_time":"1100","close_time":"1300"}]}}""", "Overlapping schedule in call_hours is not allowed")]
    [InlineData("""{"call_hours":{"status":"SOMETIMES","timezone_id":"UTC","weekly_operating_hours":[{"day_of_week":"MONDAY","open_time":"0900","close_time":"1700"}]}}""", "Invalid status")]
    [InlineData("""{"status":"ON"}""", "Invalid status")]
    [InlineData("""{"callback_permission_status":"maybe"}""", "Invalid status")]
    [InlineData("""{"call_hours":{"status":"ENABLED","timezone_id":"UTC","weekly_operating_hours":"MONDAY 9-5"}}""", "Invalid schedule for call_hours")]
    [InlineData("""{"sip":{"status":"ENABLED","servers":[{"hostname":"a.example.com","port":5061},{"hostname":"b.example.com","port":5061}]}}""", "Only one SIP server per app is allowed in sip.servers")]
    [InlineData("""{"sip":{"status":"ENABLED","servers":[{"hostname":"a.example.com","port":70000}]}}""", "A SIP server needs a hostname and a port from 1 to 65535")]
    public void Validate_RefusesWithMetasMessage(string calling, string message)
    {
        var error = Assert.Throws<SandboxGraphException>(() => SandboxSettingsRules.Validate(JsonNode.Parse(calling)!.AsObject(), Now));
        Assert.Equal(100, error.Code);
        Assert.Equal(400, error.HttpStatus);
        Assert.Equal($"(#100) {message}", error.Message);
    }

    [Theory]
    [InlineData("""{"status":"ENABLED","call_icon_visibility":"DEFAULT","callback_permission_status":"ENABLED"}""")]
    [InlineData("""{"call_hours":{"status":"DISABLED","timezone_id":"UTC","weekly_operating_hours":[]}}""")]
    [InlineData("""{"call_hours":{"status":"ENABLED","timezone_id":"America/Manaus","weekly_operating_hours":[{"day_of_week":"MONDAY","open_time":"0400","close_time":"1020"},{"day_of_week":"TUESDAY","open_time":"0108","close_time":"1020"}],"holiday_schedule":[{"date":"2027-01-01","start_time":"0000","end_time":"2359"}]}}""")]
    [InlineData("""{"sip":{"status":"ENABLED","servers":[{"hostname":"sip.example.com","port":5061,"request_uri_user_params":{"TGRP":"x"}}]}}""")]
    public void Validate_AcceptsValidSettings(string calling) =>
        SandboxSettingsRules.Validate(JsonNode.Parse(calling)!.AsObject(), Now);
}
