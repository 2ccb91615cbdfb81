namespace CallGateway.Media.Rtp;

/// <summary>
/// The client-to-mixer audio level header extension (RFC 6464) in its one-byte form (RFC 8285).
/// </summary>
/// <remarks>
/// <code>
///  0                   1
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |  ID   | len=0 |V| level       |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// V = voice activity; level = audio level in -dBov, 0 (loudest) .. 127 (silence) (RFC 6464 §3).
/// The ID comes from the SDP a=extmap line for <see cref="Uri"/>.
/// </remarks>
public static class AudioLevelExtension
{
    /// <summary>The extension URI negotiated in SDP (RFC 6464 §4).</summary>
    public const string Uri = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

    public const int MaxLevel = 127;

    /// <summary>
    /// Writes a complete extension body holding only this element (4 octets: element plus padding), to be placed
    /// after a header-extension word with profile <see cref="OneByteHeaderExtension.Profile"/> and length 1.
    /// </summary>
    public static bool TryWriteBody(Span<byte> body, int id, bool voiceActivity, int level, out int written)
    {
        written = 0;
        if (level is < 0 or > MaxLevel)
        {
            return false;
        }

        ReadOnlySpan<byte> data = [(byte)((voiceActivity ? 0x80 : 0) | level)];
        if (!OneByteHeaderExtension.TryWriteElement(body, id, data, out int length))
        {
            return false;
        }

        written = OneByteHeaderExtension.PadToWord(body, length);
        return written > 0;
    }

    /// <summary>Reads the audio level element <paramref name="id"/> from a one-byte extension body.</summary>
    public static bool TryRead(ReadOnlySpan<byte> extensionData, int id, out bool voiceActivity, out int level)
    {
        voiceActivity = false;
        level = 0;
        if (!OneByteHeaderExtension.TryFind(extensionData, id, out ReadOnlySpan<byte> value))
        {
            return false;
        }

        voiceActivity = (value[0] & 0x80) != 0;
        level = value[0] & 0x7F;
        return true;
    }
}
