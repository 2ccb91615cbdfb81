using System.Numerics;
using System.Runtime.InteropServices;

namespace CallGateway.Media.Codecs;

/// <summary>
/// Streaming mono sample-rate converter for integer ratios (48000 ↔ 16000 ↔ 8000 Hz, or any pair where one rate is an
/// integer multiple, up to 12, of the other) using a polyphase windowed-sinc FIR.
/// </summary>
/// <remarks>
/// <para>Decimation low-pass filters at 0.45 × the output rate before keeping every M-th sample (anti-aliasing);
/// interpolation inserts L-1 zeros and filters at 0.45 × the input rate with gain L (anti-imaging). The Kaiser design
/// gives about 80 dB stop-band attenuation with a 1 kHz transition band, so the 3.4 kHz telephone band and the 7 kHz
/// wideband speech band pass flat.</para>
/// <para>The filter history is carried across calls, so feeding 20 ms frames one by one produces exactly the same output
/// as converting the whole signal at once: there are no clicks at frame boundaries. Any input length is accepted;
/// when decimating, the number of output samples per call may vary if the length is not a multiple of the ratio.</para>
/// <para>Not thread-safe: one instance per stream and direction. The work buffer grows on the first call and then does
/// not allocate.</para>
/// </remarks>
public sealed class Resampler
{
    private const double StopbandDb = 80;
    private const double TransitionHz = 1000;
    private const double CutoffFraction = 0.45; // of the lower rate

    private readonly float[] _coefficients; // decimation: reversed filter; interpolation: reversed phases, back to back
    private readonly float[] _history;
    private readonly int _ratio;
    private readonly int _branchLength;
    private float[] _work = [];
    private int _nextOutput; // decimation: input index (relative to the next call) of the next output sample

    public Resampler(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRate);
        var high = Math.Max(inputRate, outputRate);
        var low = Math.Min(inputRate, outputRate);
        if (high % low != 0 || high / low > 12)
        {
            throw new ArgumentException($"Only integer ratios up to 12 are supported ({inputRate} -> {outputRate} Hz).", nameof(outputRate));
        }

        InputRate = inputRate;
        OutputRate = outputRate;
        _ratio = high / low;
        if (_ratio == 1)
        {
            _coefficients = [];
            _history = [];
            return;
        }

        var taps = FirDesign.EstimateTaps(StopbandDb, TransitionHz, high, _ratio);
        var filter = FirDesign.LowPass(taps, CutoffFraction * low / high, FirDesign.KaiserBeta(StopbandDb));
        if (IsDecimating)
        {
            _coefficients = Reverse(filter, 1.0);
            _history = new float[taps - 1];
        }
        else
        {
            _branchLength = taps / _ratio;
            _coefficients = BuildPhases(filter, _ratio, _branchLength);
            _history = new float[_branchLength - 1];
        }
    }

    public int InputRate { get; }

    public int OutputRate { get; }

    private bool IsDecimating => InputRate > OutputRate;

    /// <summary>The largest number of output samples <see cref="Process"/> can write for this many input samples.</summary>
    public int GetMaxOutputLength(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        if (_ratio == 1)
        {
            return inputLength;
        }

        return IsDecimating ? (inputLength + _ratio - 1) / _ratio : inputLength * _ratio;
    }

    /// <summary>Converts the next chunk of the stream; returns the number of samples written to <paramref name="output"/>.</summary>
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        if (output.Length < GetMaxOutputLength(input.Length))
        {
            throw new ArgumentException($"The output needs room for {GetMaxOutputLength(input.Length)} samples.", nameof(output));
        }

        if (_ratio == 1)
        {
            input.CopyTo(output);
            return input.Length;
        }

        var work = Stage(input);
        var written = IsDecimating ? Decimate(work, input.Length, output) : Interpolate(work, input.Length, output);

        // Keep the newest samples as history for the next call.
        work.Slice(input.Length, _history.Length).CopyTo(_history);
        return written;
    }

    /// <summary>Forgets the stream history (e.g. after a resynchronisation), as if newly constructed.</summary>
    public void Reset()
    {
        Array.Clear(_history);
        _nextOutput = 0;
    }

    private Span<float> Stage(ReadOnlySpan<short> input)
    {
        var needed = _history.Length + input.Length;
        if (_work.Length < needed)
        {
            _work = new float[needed];
        }

        var work = _work.AsSpan(0, needed);
        _history.CopyTo(work);
        var tail = work[_history.Length..];
        for (var i = 0; i < input.Length; i++)
        {
            tail[i] = input[i];
        }

        return work;
    }

    private int Decimate(ReadOnlySpan<float> work, int inputLength, Span<short> output)
    {
        // work[k] holds input sample k - (taps - 1); output n at input index i is sum_j h[j] x[i - j].
        var taps = _coefficients.Length;
        var written = 0;
        var i = _nextOutput;
        for (; i < inputLength; i += _ratio)
        {
            output[written++] = ToSample(Dot(_coefficients, work.Slice(i, taps)));
        }

        _nextOutput = i - inputLength;
        return written;
    }

    private int Interpolate(ReadOnlySpan<float> work, int inputLength, Span<short> output)
    {
        var written = 0;
        for (var m = 0; m < inputLength; m++)
        {
            var window = work.Slice(m, _branchLength);
            for (var phase = 0; phase < _ratio; phase++)
            {
                var branch = _coefficients.AsSpan(phase * _branchLength, _branchLength);
                output[written++] = ToSample(Dot(branch, window));
            }
        }

        return written;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        var i = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var acc = Vector<float>.Zero;
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            for (var v = 0; v < va.Length; v++)
            {
                acc += va[v] * vb[v];
            }

            sum = Vector.Sum(acc);
            i = va.Length * Vector<float>.Count;
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static short ToSample(float value)
    {
        var rounded = MathF.Round(value);
        return rounded >= short.MaxValue ? short.MaxValue : rounded <= short.MinValue ? short.MinValue : (short)rounded;
    }

    private static float[] Reverse(double[] filter, double gain)
    {
        var reversed = new float[filter.Length];
        for (var k = 0; k < filter.Length; k++)
        {
            reversed[k] = (float)(filter[filter.Length - 1 - k] * gain);
        }

        return reversed;
    }

    private static float[] BuildPhases(double[] filter, int ratio, int branchLength)
    {
        // Phase p of the interpolator uses taps h[p + jL], j = 0..T-1, applied to x[m - j]; stored reversed so that it
        // multiplies the contiguous window x[m - T + 1 .. m], with gain L to make up for the inserted zeros.
        var phases = new float[filter.Length];
        for (var p = 0; p < ratio; p++)
        {
            for (var j = 0; j < branchLength; j++)
            {
                phases[(p * branchLength) + (branchLength - 1 - j)] = (float)(filter[p + (j * ratio)] * ratio);
            }
        }

        return phases;
    }
}
