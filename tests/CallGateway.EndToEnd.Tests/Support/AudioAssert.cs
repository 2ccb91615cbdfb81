using System.Text.Json;
using CallGateway.Media.Audio;

namespace CallGateway.EndToEnd.Tests.Support;

internal static class AudioAssert
{
    /// <summary>A 0.25-amplitude tone has an RMS of -15 dBFS; Opus keeps it within a couple of dB.</summary>
    public const double ToneDbfs = -15.05;

    public static void Tone(short[] samples, int sampleRate, double hz)
    {
        Assert.True(samples.Length >= sampleRate / 4, $"only {samples.Length} samples heard");
        Assert.InRange(AudioAnalysis.DominantFrequency(samples, sampleRate), hz - 15, hz + 15);
        Assert.InRange(AudioAnalysis.RmsDbfs(samples), ToneDbfs - 2.5, ToneDbfs + 2.5);
    }

    /// <summary>What the sandbox's simulated phone reports it heard (its last second of audio).</summary>
    public static void PhoneHeard(JsonElement sandboxCall, double hz)
    {
        var heard = sandboxCall.GetProperty("heard");
        Assert.True(heard.GetProperty("audibleFrames").GetInt64() > 25, heard.ToString());
        Assert.InRange(heard.GetProperty("dominantHz").GetDouble(), hz - 15, hz + 15);
        Assert.InRange(heard.GetProperty("rmsDbfs").GetDouble(), ToneDbfs - 2.5, ToneDbfs + 2.5);
    }
}
