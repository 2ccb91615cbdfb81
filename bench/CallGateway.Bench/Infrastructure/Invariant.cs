using System.Globalization;

namespace CallGateway.Bench.Infrastructure;

/// <summary>Invariant-culture formatting for every printed figure.</summary>
internal static class Invariant
{
    public static string F(double value, int decimals = 1) =>
        double.IsNaN(value) ? "-" : value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Pct(double fraction, int decimals = 2) => F(fraction * 100.0, decimals) + " %";
}
