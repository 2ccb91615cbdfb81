using System.Runtime.InteropServices;
using CallGateway.Media.Codecs;

namespace CallGateway.Media.Tests.Codecs;

public class OpusNativeTests
{
    [Fact]
    public void LoadFirst_VersionedSonameOnly_Loads()
    {
        // Debian's runtime package ships only libopus.so.0; this is the name production relies on.
        var handle = OpusNative.LoadFirst(["libopus-not-here.so", "libopus.so.0"], typeof(OpusNative).Assembly, null);

        Assert.NotEqual(IntPtr.Zero, handle);
        Assert.True(NativeLibrary.TryGetExport(handle, "opus_decoder_create", out _));
    }

    [Fact]
    public void LoadFirst_NothingInstalled_ThrowsWithInstallHint()
    {
        var ex = Assert.Throws<DllNotFoundException>(() =>
            OpusNative.LoadFirst(["libopus-not-here.so.9", "libopus-missing.so"], typeof(OpusNative).Assembly, null));

        Assert.Equal("libopus not found: apt-get install libopus0", ex.Message);
    }
}
