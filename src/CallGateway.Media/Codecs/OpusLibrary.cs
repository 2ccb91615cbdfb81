using System.Runtime.InteropServices;

namespace CallGateway.Media.Codecs;

/// <summary>Information about the loaded native libopus, for start-up checks and diagnostics.</summary>
public static class OpusLibrary
{
    /// <summary>The libopus version string, e.g. "libopus 1.3.1". Throws <see cref="DllNotFoundException"/> when absent.</summary>
    public static string Version => Marshal.PtrToStringAnsi(OpusNative.GetVersionString()) ?? string.Empty;

    /// <summary>True when libopus can be loaded; never throws.</summary>
    public static bool IsAvailable()
    {
        try
        {
            return Version.Length > 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }

    /// <summary>True for the sample rates libopus accepts for encoding and decoding (RFC 7587 section 4.1).</summary>
    public static bool IsSupportedSampleRate(int sampleRate) =>
        sampleRate is 8000 or 12000 or 16000 or 24000 or 48000;
}
