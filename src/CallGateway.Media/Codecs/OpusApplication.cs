namespace CallGateway.Media.Codecs;

/// <summary>The coding mode passed to <c>opus_encoder_create</c> (opus_defines.h <c>OPUS_APPLICATION_*</c>).</summary>
public enum OpusApplication
{
    /// <summary>Best for speech: favours intelligibility, enables SILK at low rates (<c>OPUS_APPLICATION_VOIP</c>).</summary>
    Voip = 2048,

    /// <summary>Best for music and non-voice content (<c>OPUS_APPLICATION_AUDIO</c>).</summary>
    Audio = 2049,

    /// <summary>CELT only, lowest algorithmic delay (<c>OPUS_APPLICATION_RESTRICTED_LOWDELAY</c>).</summary>
    RestrictedLowDelay = 2051,
}
