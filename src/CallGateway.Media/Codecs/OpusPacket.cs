namespace CallGateway.Media.Codecs;

/// <summary>Inspection of Opus packets without decoding (RFC 6716 section 3.1 TOC byte and frame count).</summary>
public static class OpusPacket
{
    /// <summary>
    /// Gets the audio duration of <paramref name="packet"/> in samples per channel at <paramref name="sampleRate"/>
    /// (e.g. 960 for a 20 ms packet at 48 kHz). Returns false for an empty or malformed packet; never throws for content.
    /// </summary>
    public static unsafe bool TryGetSampleCount(ReadOnlySpan<byte> packet, int sampleRate, out int samplesPerChannel)
    {
        samplesPerChannel = 0;
        if (packet.IsEmpty || !OpusLibrary.IsSupportedSampleRate(sampleRate))
        {
            return false;
        }

        int result;
        fixed (byte* ptr = packet)
        {
            result = OpusNative.PacketGetNbSamples(ptr, packet.Length, sampleRate);
        }

        if (result <= 0)
        {
            return false;
        }

        samplesPerChannel = result;
        return true;
    }
}
