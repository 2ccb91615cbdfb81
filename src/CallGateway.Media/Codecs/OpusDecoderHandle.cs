using Microsoft.Win32.SafeHandles;

namespace CallGateway.Media.Codecs;

/// <summary>Owns a native <c>OpusDecoder*</c>; released with <c>opus_decoder_destroy</c> exactly once.</summary>
internal sealed class OpusDecoderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    // The LibraryImport marshaller instantiates the handle for the create call's return value.
    public OpusDecoderHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        OpusNative.DecoderDestroy(handle);
        return true;
    }
}
