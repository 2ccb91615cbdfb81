using System.Globalization;
using CallGateway.Settings;
using Microsoft.Extensions.Time.Testing;

namespace CallGateway.Tests.Settings;

/// <summary>Open now / next opening in the business's time zone, including the days clocks change.</summary>
public sealed class BusinessHoursCalculatorTests
{
    [Fact]
    public void Evaluate_CallHoursDisabled_IsAlwaysOpen()
    {
        var settings = Hours("America/New_York", [], status: "DISABLED");
        foreach (var at in new[] { "2026-03-08T07:30:00Z", "2026-12-25T03:00:00Z", "2026-06-01T12:00:00Z" })
        {
            var result = BusinessHoursCalculator.Evaluate(settings, At(at));
            Assert.True(result.Open);
            Assert.Equal(OpenNowReasons.CallHoursDisabled, result.Reason);
            Assert.Null(result.NextOpening);
            Assert.Equal("America/New_York", result.Timezone);
        }
    }

    [Fact]
    public void Evaluate_NoCallHoursAtAll_IsOpenInUtc()
    {
        var result = BusinessHoursCalculator.Evaluate(new CallingSettings("ENABLED", null, null, null, null), At("2026-06-01T03:00:00Z"));
        Assert.True(result.Open);
        Assert.Equal(OpenNowReasons.CallHoursDisabled, result.Reason);
        Assert.Equal("UTC", result.Timezone);
    }

    [Fact]
    public void Evaluate_CallingDisabled_IsClosed()
    {
        var settings = Hours("UTC", [Day("MONDAY", "0000", "2359")]) with { Status = "DISABLED" };
        var result = BusinessHoursCalculator.Evaluate(settings, At("2026-06-01T10:00:00Z"));
        Assert.False(result.Open);
        Assert.Equal(OpenNowReasons.CallingDisabled, result.Reason);
    }

    [Fact]
    public void Evaluate_NewYorkSpringForward_NextOpeningCarriesTheNewOffset()
    {
        // Saturday 2026-03-07 20:00 EST; clocks jump from 02:00 EST to 03:00 EDT on Sunday 2026-03-08.
        var result = BusinessHoursCalculator.Evaluate(Hours("America/New_York", [Day("SUNDAY", "0900", "1700")]), At("2026-03-08T01:00:00Z"));

        Assert.False(result.Open);
        Assert.Equal(OpenNowReasons.OutsideOperatingHours, result.Reason);
        AssertInstant("2026-03-08T09:00:00-04:00", result.NextOpening);
        Assert.Equal(TimeSpan.FromHours(-5), result.LocalTime.Offset);
    }

    [Fact]
    public void Evaluate_NewYorkSpringForward_ClosingInsideTheSkippedHourClosesAtTheJump()
    {
        var settings = Hours("America/New_York", [Day("SUNDAY", "0000", "0230")]);

        var before = BusinessHoursCalculator.Evaluate(settings, At("2026-03-08T06:59:00Z")); // 01:59 EST
        Assert.True(before.Open);
        AssertInstant("2026-03-08T03:00:00-04:00", before.ClosesAt);

        var after = BusinessHoursCalculator.Evaluate(settings, At("2026-03-08T07:00:00Z")); // 03:00 EDT: 02:30 has passed on the wall
        Assert.False(after.Open);
        AssertInstant("2026-03-15T00:00:00-04:00", after.NextOpening);
    }

    [Fact]
    public void Evaluate_NewYorkSpringForward_OpeningInsideTheSkippedHourOpensAtTheJump()
    {
        var settings = Hours("America/New_York", [Day("SUNDAY", "0230", "0400")]);

        var before = BusinessHoursCalculator.Evaluate(settings, At("2026-03-08T06:30:00Z")); // 01:30 EST
        Assert.False(before.Open);
        AssertInstant("2026-03-08T03:00:00-04:00", before.NextOpening);

        var during = BusinessHoursCalculator.Evaluate(settings, At("2026-03-08T07:30:00Z")); // 03:30 EDT
        Assert.True(during.Open);
        AssertInstant("2026-03-08T04:00:00-04:00", during.ClosesAt);
    }

    [Fact]
    public void Evaluate_NewYorkFallBack_RepeatedHourStaysOpenUntilTheSecondTwoOClock()
    {
        // 2026-11-01: 01:00-02:00 happens twice (EDT, then EST); 0100-0200 lasts two real hours.
        var settings = Hours("America/New_York", [Day("SUNDAY", "0100", "0200")]);

        Assert.True(BusinessHoursCalculator.Evaluate(settings, At("2026-11-01T05:00:00Z")).Open); // 01:00 EDT
        var second = BusinessHoursCalculator.Evaluate(settings, At("2026-11-01T06:30:00Z")); // 01:30 EST, the second time
        Assert.True(second.Open);
        AssertInstant("2026-11-01T02:00:00-05:00", second.ClosesAt);
        Assert.False(BusinessHoursCalculator.Evaluate(settings, At("2026-11-01T07:00:00Z")).Open); // 02:00 EST
        Assert.False(BusinessHoursCalculator.Evaluate(settings, At("2026-11-01T04:59:00Z")).Open); // 00:59 EDT
    }

    [Fact]
    public void Evaluate_NewYorkFallBack_NextOpeningCarriesTheNewOffset()
    {
        var result = BusinessHoursCalculator.Evaluate(Hours("America/New_York", [Day("SUNDAY", "0900", "1700")]), At("2026-11-01T02:00:00Z"));
        AssertInstant("2026-11-01T09:00:00-05:00", result.NextOpening);
    }

    [Fact]
    public void Evaluate_BerlinSpringForward_OpeningAtTheSkippedTwoOClockOpensAtThree()
    {
        // 2026-03-29: 02:00 CET becomes 03:00 CEST (01:00Z).
        var settings = Hours("Europe/Berlin", [Day("SUNDAY", "0200", "0400")]);

        var before = BusinessHoursCalculator.Evaluate(settings, At("2026-03-29T00:59:00Z"));
        Assert.False(before.Open);
        AssertInstant("2026-03-29T03:00:00+02:00", before.NextOpening);

        var open = BusinessHoursCalculator.Evaluate(settings, At("2026-03-29T01:00:00Z"));
        Assert.True(open.Open);
        AssertInstant("2026-03-29T04:00:00+02:00", open.ClosesAt);
    }

    [Fact]
    public void Evaluate_BerlinFallBack_OpensAtTheFirstOccurrenceAndClosesAfterTheSecond()
    {
        // 2026-10-25: 03:00 CEST becomes 02:00 CET (01:00Z); 02:30 happens at 00:30Z and 01:30Z.
        var settings = Hours("Europe/Berlin", [Day("SUNDAY", "0230", "0300")]);

        Assert.False(BusinessHoursCalculator.Evaluate(settings, At("2026-10-25T00:29:00Z")).Open);
        Assert.True(BusinessHoursCalculator.Evaluate(settings, At("2026-10-25T00:30:00Z")).Open);
        var second = BusinessHoursCalculator.Evaluate(settings, At("2026-10-25T01:45:00Z")); // 02:45 CET
        Assert.True(second.Open);
        AssertInstant("2026-10-25T03:00:00+01:00", second.ClosesAt);
        Assert.False(BusinessHoursCalculator.Evaluate(settings, At("2026-10-25T02:00:00Z")).Open);
    }

    [Theory]
    [InlineData("2026-06-01T03:29:00Z", false, "2026-06-01T09:00:00+05:30", null)]
    [InlineData("2026-06-01T03:30:00Z", true, null, "2026-06-01T17:30:00+05:30")]
    [InlineData("2026-06-01T11:59:00Z", true, null, "2026-06-01T17:30:00+05:30")]
    [InlineData("2026-06-01T12:00:00Z", false, "2026-06-08T09:00:00+05:30", null)]
    public void Evaluate_KolkataHalfHourOffset(string at, bool open, string? nextOpening, string? closesAt)
    {
        var result = BusinessHoursCalculator.Evaluate(Hours("Asia/Kolkata", [Day("MONDAY", "0900", "1730")]), At(at));

        Assert.Equal(open, result.Open);
        AssertInstant(nextOpening, result.NextOpening);
        AssertInstant(closesAt, result.ClosesAt);
        Assert.Equal(new TimeSpan(5, 30, 0), result.LocalTime.Offset);
    }

    [Fact]
    public void Evaluate_HolidayOnANormalOpenDay_IsClosedUntilTheNextWeek()
    {
        var settings = Hours("Europe/Berlin", [Day("MONDAY", "0900", "1700")], [new HolidayEntry("2026-06-01", "0000", "2359")]);
        var result = BusinessHoursCalculator.Evaluate(settings, At("2026-06-01T08:00:00Z")); // Monday 10:00 CEST

        Assert.False(result.Open);
        Assert.Equal(OpenNowReasons.Holiday, result.Reason);
        AssertInstant("2026-06-08T09:00:00+02:00", result.NextOpening);
    }

    [Fact]
    public void Evaluate_AfternoonHoliday_ClosesTheDayEarly()
    {
        var settings = Hours("Europe/Berlin", [Day("MONDAY", "0900", "1700")], [new HolidayEntry("2026-06-01", "1200", "2359")]);

        var morning = BusinessHoursCalculator.Evaluate(settings, At("2026-06-01T08:00:00Z"));
        Assert.True(morning.Open);
        AssertInstant("2026-06-01T12:00:00+02:00", morning.ClosesAt);

        var afternoon = BusinessHoursCalculator.Evaluate(settings, At("2026-06-01T11:00:00Z"));
        Assert.False(afternoon.Open);
        Assert.Equal(OpenNowReasons.Holiday, afternoon.Reason);
        AssertInstant("2026-06-08T09:00:00+02:00", afternoon.NextOpening);
    }

    [Fact]
    public void Evaluate_LunchHoliday_SplitsTheDay()
    {
        var settings = Hours("UTC", [Day("MONDAY", "0900", "1700")], [new HolidayEntry("2026-06-01", "1200", "1300")]);
        var lunch = BusinessHoursCalculator.Evaluate(settings, At("2026-06-01T12:30:00Z"));
        Assert.False(lunch.Open);
        Assert.Equal(OpenNowReasons.Holiday, lunch.Reason);
        AssertInstant("2026-06-01T13:00:00+00:00", lunch.NextOpening);
    }

    [Theory]
    [InlineData("2026-06-01T08:00:00Z", false, "2026-06-01T09:00:00+00:00", null)]
    [InlineData("2026-06-01T10:00:00Z", true, null, "2026-06-01T12:00:00+00:00")]
    [InlineData("2026-06-01T12:30:00Z", false, "2026-06-01T13:00:00+00:00", null)]
    [InlineData("2026-06-01T16:59:59Z", true, null, "2026-06-01T17:00:00+00:00")]
    [InlineData("2026-06-01T17:00:00Z", false, "2026-06-08T09:00:00+00:00", null)]
    public void Evaluate_TwoSlotsInADay(string at, bool open, string? nextOpening, string? closesAt)
    {
        var settings = Hours("UTC", [Day("MONDAY", "0900", "1200"), Day("MONDAY", "1300", "1700")]);
        var result = BusinessHoursCalculator.Evaluate(settings, At(at));

        Assert.Equal(open, result.Open);
        Assert.Equal(open ? OpenNowReasons.WithinOperatingHours : OpenNowReasons.OutsideOperatingHours, result.Reason);
        AssertInstant(nextOpening, result.NextOpening);
        AssertInstant(closesAt, result.ClosesAt);
    }

    [Fact]
    public void Evaluate_OpenUntilMidnightThenFromMidnight_ClosesAtTheEndOfTheSecondSlot()
    {
        var settings = Hours("UTC", [Day("MONDAY", "2000", "2359"), Day("TUESDAY", "0000", "0200")]);

        var monday = BusinessHoursCalculator.Evaluate(settings, At("2026-06-01T23:59:30Z"));
        Assert.True(monday.Open); // 2359 means until midnight
        AssertInstant("2026-06-02T02:00:00+00:00", monday.ClosesAt);
    }

    [Fact]
    public void Evaluate_UnknownTimezone_FailsOpen()
    {
        var result = BusinessHoursCalculator.Evaluate(Hours("Mars/Olympus_Mons", [Day("MONDAY", "0900", "1000")]), At("2026-06-01T20:00:00Z"));
        Assert.True(result.Open);
        Assert.Equal(OpenNowReasons.UnknownTimezone, result.Reason);
    }

    [Fact]
    public void Evaluate_UsesTheInjectedClock()
    {
        var clock = new FakeTimeProvider(At("2026-06-01T03:29:00Z"));
        var calculator = new BusinessHoursCalculator(clock);
        var settings = Hours("Asia/Kolkata", [Day("MONDAY", "0900", "1730")]);

        Assert.False(calculator.Evaluate(settings).Open);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(calculator.Evaluate(settings).Open);
    }

    internal static CallingSettings Hours(string zone, WeeklyHoursEntry[] weekly, HolidayEntry[]? holidays = null, string status = "ENABLED") =>
        new("ENABLED", null, null, new CallHoursSettings(status, zone, weekly, holidays ?? []), null);

    internal static WeeklyHoursEntry Day(string day, string open, string close) => new(day, open, close);

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    /// <summary>Same instant and the same UTC offset (the business's offset at that moment).</summary>
    private static void AssertInstant(string? expected, DateTimeOffset? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        var e = At(expected);
        Assert.Equal(e, actual.Value);
        Assert.Equal(e.Offset, actual.Value.Offset);
    }
}
