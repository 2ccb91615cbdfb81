using System.Globalization;
using CallGateway.Settings;
using Microsoft.Extensions.Time.Testing;

namespace CallGateway.Tests.Settings;

/// <summary>The REST request's validator: Meta's rules keyed by this API's field paths, plus enumerations and SIP.</summary>
public sealed class CallingSettingsValidatorTests
{
    private readonly CallingSettingsValidator _validator = new(new FakeTimeProvider(DateTimeOffset.Parse("2026-06-01T12:00:00Z", CultureInfo.InvariantCulture)));

    [Fact]
    public void Validate_FullValidRequest_Passes()
    {
        var result = _validator.Validate(new CallingSettings("ENABLED", "DISABLE_ALL", "ENABLED",
            new CallHoursSettings("ENABLED", "Europe/Berlin", [new("MONDAY", "0900", "1700")], [new("2026-12-24", "1200", "2359")]),
            new SipSettings("DISABLED", [new SipServer("sip.example.com", 5061, new Dictionary<string, string> { ["TGRP"] = "wa" })])));
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public void Validate_NothingToChange_Fails()
    {
        var error = Assert.Single(_validator.Validate(new CallingSettings(null, null, null, null, null)).Errors);
        Assert.Equal("Settings", error.PropertyName);
    }

    [Theory]
    [InlineData("ON", null, null, "Status")]
    [InlineData(null, "HIDDEN", null, "CallIconVisibility")]
    [InlineData(null, "DISABLE ALL", null, "CallIconVisibility")]
    [InlineData(null, null, "yes", "CallbackPermissionStatus")]
    public void Validate_Enumerations(string? status, string? icon, string? callback, string field)
    {
        var error = Assert.Single(_validator.Validate(new CallingSettings(status, icon, callback, null, null)).Errors);
        Assert.Equal(field, error.PropertyName);
    }

    [Fact]
    public void Validate_CallHoursViolations_AreKeyedByTheRestPathWithMetasText()
    {
        var hours = new CallHoursSettings("ENABLED", "Europe/Berlin",
            [new("MONDAY", "0900", "1200"), new("MONDAY", "1100", "1300"), new("TUESDAY", "9am", "1700")],
            [new("2026-05-31", "0000", "2359")]);
        var errors = _validator.Validate(new CallingSettings(null, null, null, hours, null)).Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);

        Assert.Equal(3, errors.Count);
        Assert.StartsWith("Overlapping schedule in call_hours is not allowed:", errors["CallHours.WeeklyOperatingHours[1]"], StringComparison.Ordinal);
        Assert.StartsWith("Invalid schedule for call_hours: open_time must be HHMM", errors["CallHours.WeeklyOperatingHours[2].OpenTime"], StringComparison.Ordinal);
        Assert.StartsWith("Holiday given in call_hours is a past date:", errors["CallHours.HolidaySchedule[0].Date"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("call_hours.status", "CallHours.Status")]
    [InlineData("call_hours.weekly_operating_hours[12].open_time", "CallHours.WeeklyOperatingHours[12].OpenTime")]
    [InlineData("call_hours.holiday_schedule", "CallHours.HolidaySchedule")]
    public void ToRest_MapsMetaPaths(string meta, string rest) => Assert.Equal(rest, SettingsPaths.ToRest(meta));

    [Theory]
    [InlineData("ENABLED", "sip.example.com", 5061, true)]
    [InlineData("MAYBE", "sip.example.com", 5061, false)]
    [InlineData("ENABLED", "", 5061, false)]
    [InlineData("ENABLED", "sips://sip.example.com", 5061, false)]
    [InlineData("ENABLED", "sip.example.com:5061", null, false)]
    [InlineData("ENABLED", "sip.example.com", 0, false)]
    [InlineData("ENABLED", "sip.example.com", 65536, false)]
    [InlineData("ENABLED", "sip.example.com", null, true)]
    public void Validate_SipServer(string status, string host, int? port, bool valid)
    {
        var sip = new SipSettings(status, [new SipServer(host, port, null)]);
        Assert.Equal(valid, _validator.Validate(new CallingSettings(null, null, null, null, sip)).IsValid);
    }

    [Fact]
    public void Validate_SipServers_OnePerApp()
    {
        var sip = new SipSettings("ENABLED", [new SipServer("a.example.com", 5061, null), new SipServer("b.example.com", 5061, null)]);
        var error = Assert.Single(_validator.Validate(new CallingSettings(null, null, null, null, sip)).Errors);
        Assert.Equal("Sip.Servers", error.PropertyName);
    }

    [Theory]
    [InlineData("TGRP", "trunk1", true)]
    [InlineData("", "x", false)]
    [InlineData("a;b", "x", false)]
    [InlineData("k", "v=w", false)]
    public void Validate_SipRequestUriUserParams(string key, string value, bool valid)
    {
        var sip = new SipSettings(null, [new SipServer("sip.example.com", 5061, new Dictionary<string, string> { [key] = value })]);
        Assert.Equal(valid, _validator.Validate(new CallingSettings(null, null, null, null, sip)).IsValid);
    }

    [Fact]
    public void SipServer_ToString_HidesThePassword()
    {
        var text = new SipServer("sip.example.com", 5061, null, "s3cr3t-pass").ToString();
        Assert.DoesNotContain("s3cr3t-pass", text, StringComparison.Ordinal);
        Assert.Contains("sip.example.com", text, StringComparison.Ordinal);
    }
}
