using Microsoft.Win32.SafeHandles;

namespace CallGateway.Media.Codecs;

/// <summary>Owns a native <c>OpusEncoder*</c>; released with <c>opus_encoder_destroy</c> exactly once.</summary>
internal sealed class OpusEncoderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    // The LibraryImport marshaller instantiates the handle for the create call's return value.
    public OpusEncoderHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        OpusNative.EncoderDestroy(handle);
        return true;
    }
}
