namespace CallGateway.Bench.Infrastructure;

/// <summary>Order statistics over a small sample (nearest-rank percentiles on a sorted copy).</summary>
internal static class Statistics
{
    public static double Median(IReadOnlyCollection<double> values) => Percentile(values, 50);

    /// <summary>Nearest-rank percentile (p in 0..100); NaN for an empty sample.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        if (p <= 0)
        {
            return sorted[0];
        }

        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
