using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CallGateway.Tests.Observability;

/// <summary>Collects the measurements of one <see cref="Meter"/> through a <see cref="MeterListener"/>.</summary>
internal sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();

    public MeasurementRecorder(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Only this meter: other tests' gateways publish instruments with the same names in parallel.
            if (ReferenceEquals(instrument.Meter, meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
        _listener.SetMeasurementEventCallback<int>((i, value, tags, _) => Add(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
        _listener.Start();
    }

    public ConcurrentQueue<Recorded> Measurements { get; } = new();

    /// <summary>Runs the observable instruments' callbacks (what a scrape does).</summary>
    public void Collect() => _listener.RecordObservableInstruments();

    public IReadOnlyList<Recorded> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument).ToList();

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        Measurements.Enqueue(new Recorded(instrument.Name, instrument.Unit, value,
            tags.ToArray().ToDictionary(t => t.Key, t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture))));

    public sealed record Recorded(string Instrument, string? Unit, double Value, Dictionary<string, string?> Tags);
}
