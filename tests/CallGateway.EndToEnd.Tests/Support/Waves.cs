using CallGateway.Media.Audio;

namespace CallGateway.EndToEnd.Tests.Support;

internal static class Waves
{
    /// <summary>A WAV file of a steady tone (amplitude 0.25).</summary>
    public static byte[] Tone(double hz, double seconds, int sampleRate = 48000, int channels = 1)
    {
        var tone = new ToneGenerator(sampleRate, hz, 0.25).Generate((int)(seconds * sampleRate));
        var interleaved = channels == 1 ? tone : tone.SelectMany(s => Enumerable.Repeat(s, channels)).ToArray();
        using var stream = new MemoryStream();
        WavFile.Write(stream, new WavFormat(sampleRate, channels), interleaved);
        return stream.ToArray();
    }
}
