namespace CallGateway.Bench.Infrastructure;

/// <summary>
/// A deterministic, speech-like test signal for codec timing (Opus cost depends on the signal: a pure tone or
/// silence is much cheaper to encode than speech). It is a crude source-filter model of talking:
/// <list type="bullet">
/// <item>syllables of 110-260 ms with a rise/fall envelope, in phrases of 3-7 syllables separated by 150-450 ms
/// pauses (about 4 syllables/s and ~20 % silence, like conversational speech);</item>
/// <item>each syllable starts with 25-60 ms of band-limited noise (a fricative/plosive) in half the cases, then a
/// voiced part: a glottal pulse train whose pitch glides within 95-240 Hz, shaped by three formant resonators
/// (F1 300-850, F2 850-2400, F3 2400-3200 Hz) that move between vowels;</item>
/// <item>mixed to an RMS of about 0.09 of full scale over the active parts (the anchor's espeak-ng speech had 0.092).</item>
/// </list>
/// It is not speech, but it exercises SILK/hybrid mode decisions, pitch analysis and noise coding the way speech does.
/// </summary>
internal static class SpeechLikeSignal
{
    public static short[] Generate(int sampleRate, double seconds, int seed = 20_26)
    {
        var random = new Random(seed);
        var total = (int)(sampleRate * seconds);
        var output = new double[total];
        var position = 0;
        var phase = 0.0;
        var resonators = new[] { new Resonator(), new Resonator(), new Resonator() };
        var noiseState = 0.0;
        while (position < total)
        {
            var syllables = random.Next(3, 8);
            for (var s = 0; s < syllables && position < total; s++)
            {
                var length = (int)(sampleRate * (0.11 + (random.NextDouble() * 0.15)));
                var onset = random.NextDouble() < 0.5 ? (int)(sampleRate * (0.025 + (random.NextDouble() * 0.035))) : 0;
                var f0Start = 95 + (random.NextDouble() * 145);
                var f0End = Math.Clamp(f0Start * (0.8 + (random.NextDouble() * 0.4)), 95, 240);
                var f1 = 300 + (random.NextDouble() * 550);
                var f2 = 850 + (random.NextDouble() * 1550);
                var f3 = 2400 + (random.NextDouble() * 800);
                resonators[0].Tune(f1, 90, sampleRate);
                resonators[1].Tune(f2, 120, sampleRate);
                resonators[2].Tune(f3, 160, sampleRate);
                for (var i = 0; i < length && position < total; i++, position++)
                {
                    var t = (double)i / length;
                    var envelope = Math.Sin(Math.PI * Math.Min(1, t * 1.6)) * (t < 0.85 ? 1 : (1 - t) / 0.15);
                    double sample;
                    if (i < onset)
                    {
                        // Fricative: white noise through a one-pole high-pass.
                        var white = (random.NextDouble() * 2) - 1;
                        var high = white - noiseState;
                        noiseState = white;
                        sample = 0.35 * high;
                    }
                    else
                    {
                        var f0 = f0Start + ((f0End - f0Start) * t);
                        phase += f0 / sampleRate;
                        var pulse = 0.0;
                        if (phase >= 1)
                        {
                            phase -= 1;
                            pulse = 1;
                        }

                        var excitation = pulse + (0.02 * ((random.NextDouble() * 2) - 1));
                        sample = (resonators[0].Process(excitation) * 1.0) + (resonators[1].Process(excitation) * 0.5) + (resonators[2].Process(excitation) * 0.25);
                    }

                    output[position] = sample * envelope;
                }
            }

            position += (int)(sampleRate * (0.15 + (random.NextDouble() * 0.3)));
        }

        return Normalize(output, 0.09);
    }

    private static short[] Normalize(double[] signal, double targetRms)
    {
        double sum = 0;
        var active = 0;
        foreach (var v in signal)
        {
            if (v != 0)
            {
                sum += v * v;
                active++;
            }
        }

        var gain = active == 0 ? 0 : targetRms / Math.Sqrt(sum / active);
        var result = new short[signal.Length];
        for (var i = 0; i < signal.Length; i++)
        {
            result[i] = (short)Math.Clamp(Math.Round(signal[i] * gain * short.MaxValue), short.MinValue, short.MaxValue);
        }

        return result;
    }

    /// <summary>A two-pole resonator (formant filter) with unity gain at its centre frequency.</summary>
    private sealed class Resonator
    {
        private double _a1;
        private double _a2;
        private double _gain;
        private double _y1;
        private double _y2;

        public void Tune(double frequency, double bandwidth, int sampleRate)
        {
            var r = Math.Exp(-Math.PI * bandwidth / sampleRate);
            _a1 = 2 * r * Math.Cos(2 * Math.PI * frequency / sampleRate);
            _a2 = -r * r;
            _gain = 1 - r;
        }

        public double Process(double x)
        {
            var y = (_gain * x) + (_a1 * _y1) + (_a2 * _y2);
            _y2 = _y1;
            _y1 = y;
            return y;
        }
    }
}
