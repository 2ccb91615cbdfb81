using System.Globalization;
using CallGateway.Meta.Settings;

namespace CallGateway.Tests.Settings;

/// <summary>Every call_hours rule Meta documents, passing and failing (the gateway and the sandbox share these rules).</summary>
public sealed class CallHoursRulesTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-06-01T12:00:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public void Validate_ReferenceSample_HasNoViolations()
    {
        // The request sample of calling-api-reference.txt (with a future holiday).
        var spec = new CallHoursSpec("ENABLED", "America/Manaus",
            [new("MONDAY", "0400", "1020"), new("TUESDAY", "0108", "1020")],
            [new("2027-01-01", "0000", "2359")]);
        Assert.Empty(CallHoursRules.Validate(spec, Now));
    }

    [Theory]
    [InlineData("ENABLED", true)]
    [InlineData("DISABLED", true)]
    [InlineData("enabled", false)]
    [InlineData("ON", false)]
    [InlineData(null, false)]
    public void Validate_Status(string? status, bool valid) =>
        AssertRule(Spec(status: status), CallHoursRule.InvalidStatus, valid, "call_hours.status");

    [Theory]
    [InlineData("UTC", true)]
    [InlineData("America/Manaus", true)]
    [InlineData("Asia/Kolkata", true)]
    [InlineData("Europe/Berlin", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("Eastern Standard Time", false)]
    [InlineData("america/new_york", false)]
    [InlineData("Europe/Berlin ", false)]
    [InlineData("+05:30", false)]
    public void Validate_Timezone(string? zone, bool valid) =>
        AssertRule(Spec(zone: zone), CallHoursRule.InvalidTimezone, valid, "call_hours.timezone_id");

    [Theory]
    [InlineData("0000", "2359", true)]
    [InlineData("0900", "0901", true)]
    [InlineData("2400", "2359", false)]
    [InlineData("0960", "1000", false)]
    [InlineData("930", "1000", false)]
    [InlineData("09:30", "1000", false)]
    [InlineData("abcd", "1000", false)]
    [InlineData("", "1000", false)]
    [InlineData(null, "1000", false)]
    [InlineData("0900", "2400", false)]
    [InlineData("0900", null, false)]
    [InlineData("1000", "1000", false)]
    [InlineData("1100", "1000", false)]
    public void Validate_WeeklyTimes_AreHhmmWithOpenBeforeClose(string? open, string? close, bool valid) =>
        AssertRule(Spec(weekly: [new("MONDAY", open, close)]), CallHoursRule.InvalidSchedule, valid);

    [Theory]
    [InlineData("SUNDAY", true)]
    [InlineData("SATURDAY", true)]
    [InlineData("monday", false)]
    [InlineData("MONDAYS", false)]
    [InlineData(null, false)]
    public void Validate_DayOfWeek(string? day, bool valid) =>
        AssertRule(Spec(weekly: [new(day, "0900", "1700")]), CallHoursRule.InvalidSchedule, valid, "call_hours.weekly_operating_hours[0].day_of_week");

    [Fact]
    public void Validate_EnabledWithoutWeeklyHours_IsEmptyWeeklyHours()
    {
        AssertRule(Spec(weekly: []), CallHoursRule.EmptyWeeklyHours, false, "call_hours.weekly_operating_hours");
        AssertRule(new CallHoursSpec("ENABLED", "UTC", null, null), CallHoursRule.EmptyWeeklyHours, false);
        AssertRule(Spec(status: "DISABLED", weekly: []), CallHoursRule.EmptyWeeklyHours, true);
    }

    [Fact]
    public void Validate_EntriesPerDay_AtMostTwo()
    {
        AssertRule(Spec(weekly: [new("MONDAY", "0800", "0900"), new("MONDAY", "1000", "1100"), new("TUESDAY", "0800", "0900"), new("TUESDAY", "1000", "1100")]),
            CallHoursRule.TooManyEntriesPerDay, true);
        AssertRule(Spec(weekly: [new("MONDAY", "0800", "0900"), new("MONDAY", "1000", "1100"), new("MONDAY", "1200", "1300")]),
            CallHoursRule.TooManyEntriesPerDay, false, "call_hours.weekly_operating_hours[2]");
    }

    [Theory]
    [InlineData("0900", "1200", "1100", "1300", false)]
    [InlineData("0900", "1200", "0900", "1200", false)]
    [InlineData("0900", "1700", "1000", "1100", false)]
    [InlineData("0900", "1200", "1200", "1300", true)]
    [InlineData("1300", "1700", "0900", "1200", true)]
    public void Validate_WeeklyEntriesOfADay_MustNotOverlap(string open1, string close1, string open2, string close2, bool valid) =>
        AssertRule(Spec(weekly: [new("MONDAY", open1, close1), new("MONDAY", open2, close2)]), CallHoursRule.OverlappingSchedule, valid);

    [Fact]
    public void Validate_SameHoursOnDifferentDays_DoNotOverlap() =>
        AssertRule(Spec(weekly: [new("MONDAY", "0900", "1700"), new("TUESDAY", "0900", "1700")]), CallHoursRule.OverlappingSchedule, true);

    [Theory]
    [InlineData("2026-06-01", true)]
    [InlineData("2027-02-28", true)]
    [InlineData("2026/07/01", false)]
    [InlineData("01-07-2026", false)]
    [InlineData("2026-7-1", false)]
    [InlineData("2026-13-01", false)]
    [InlineData("2027-02-29", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Validate_HolidayDate_IsYyyyMmDd(string? date, bool valid) =>
        AssertRule(Spec(holidays: [new(date, "0000", "2359")]), CallHoursRule.InvalidHolidayDate, valid, "call_hours.holiday_schedule[0].date");

    [Theory]
    [InlineData("UTC", "2026-05-31", false)]
    [InlineData("UTC", "2026-06-01", true)]
    [InlineData("Asia/Kolkata", "2026-06-01", false)] // 20:00Z is already 2 June in Kolkata
    [InlineData("America/New_York", "2026-06-01", true)] // ...and still 1 June in New York
    public void Validate_HolidayInThePast_InTheBusinessTimezone(string zone, string date, bool valid)
    {
        var evening = DateTimeOffset.Parse("2026-06-01T20:00:00Z", CultureInfo.InvariantCulture);
        var violations = CallHoursRules.Validate(Spec(zone: zone, holidays: [new(date, "0000", "2359")]), evening);
        Assert.Equal(valid, violations.All(v => v.Rule != CallHoursRule.PastHoliday));
    }

    [Fact]
    public void Validate_HolidayCount_AtMostTwenty()
    {
        var twenty = Enumerable.Range(1, 20).Select(d => new HolidaySpec($"2026-07-{d:00}", "0000", "2359")).ToList();
        AssertRule(Spec(holidays: twenty), CallHoursRule.TooManyHolidays, true);
        AssertRule(Spec(holidays: [.. twenty, new("2026-08-01", "0000", "2359")]), CallHoursRule.TooManyHolidays, false, "call_hours.holiday_schedule");
    }

    [Theory]
    [InlineData("0000", "2359", true)]
    [InlineData("1200", "1100", false)]
    [InlineData("12:00", "1300", false)]
    [InlineData("1200", null, false)]
    public void Validate_HolidayTimes(string? start, string? end, bool valid) =>
        AssertRule(Spec(holidays: [new("2026-07-01", start, end)]), CallHoursRule.InvalidSchedule, valid);

    [Fact]
    public void Validate_HolidaysOfOneDate_MustNotOverlap()
    {
        AssertRule(Spec(holidays: [new("2026-07-01", "0900", "1200"), new("2026-07-01", "1100", "1300")]), CallHoursRule.OverlappingSchedule, false, "call_hours.holiday_schedule[1]");
        AssertRule(Spec(holidays: [new("2026-07-01", "0900", "1200"), new("2026-07-02", "0900", "1200")]), CallHoursRule.OverlappingSchedule, true);
    }

    [Fact]
    public void Validate_NullEntries_AreInvalidSchedules()
    {
        var violations = CallHoursRules.Validate(new CallHoursSpec("ENABLED", "UTC", [null], [null]), Now);
        Assert.Equal(["call_hours.holiday_schedule[0]", "call_hours.weekly_operating_hours[0]"], violations.Select(v => v.Path).Order(StringComparer.Ordinal));
        Assert.All(violations, v => Assert.Equal(CallHoursRule.InvalidSchedule, v.Rule));
    }

    [Fact]
    public void Validate_ReportsEveryBrokenRuleOnce()
    {
        var spec = new CallHoursSpec("ENABLED", "Nowhere/City",
            [new("MONDAY", "0900", "1200"), new("MONDAY", "1100", "1300"), new("TUESDAY", "0900", "2500")],
            [new("2026-1-1", "0000", "2359")]);
        var rules = CallHoursRules.Validate(spec, Now).Select(v => v.Rule).Order().ToList();

        CallHoursRule[] expected = [CallHoursRule.InvalidSchedule, CallHoursRule.InvalidTimezone, CallHoursRule.InvalidHolidayDate, CallHoursRule.OverlappingSchedule];
        Assert.Equal(expected.Order(), rules);
    }

    [Fact]
    public void Violation_MessageStartsWithMetasText()
    {
        var violation = Assert.Single(CallHoursRules.Validate(Spec(weekly: [new("MONDAY", "0900", "1200"), new("MONDAY", "1100", "1300")]), Now));
        Assert.Equal("Overlapping schedule in call_hours is not allowed", violation.MetaMessage);
        Assert.Equal("Overlapping schedule in call_hours is not allowed: MONDAY 1100-1300 overlaps 0900-1200.", violation.Message);
        Assert.Equal("call_hours.weekly_operating_hours[1]", violation.Path);
    }

    private static CallHoursSpec Spec(string? status = "ENABLED", string? zone = "UTC", IReadOnlyList<WeeklyHoursSpec>? weekly = null, IReadOnlyList<HolidaySpec>? holidays = null) =>
        new(status, zone, weekly ?? [new("MONDAY", "0900", "1700")], holidays);

    private static void AssertRule(CallHoursSpec spec, CallHoursRule rule, bool valid, string? path = null)
    {
        var violations = CallHoursRules.Validate(spec, Now);
        var matching = violations.Where(v => v.Rule == rule).ToList();
        if (valid)
        {
            Assert.True(matching.Count == 0, string.Join("; ", matching.Select(v => v.Message)));
            return;
        }

        var violation = Assert.Single(matching);
        if (path is not null)
        {
            Assert.Equal(path, violation.Path);
        }
    }
}
