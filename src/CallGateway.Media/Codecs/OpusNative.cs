using System.Reflection;
using System.Runtime.InteropServices;

namespace CallGateway.Media.Codecs;

/// <summary>
/// <c>[LibraryImport]</c> binding to the system libopus (RFC 6716 reference implementation, opus.h / opus_defines.h).
/// </summary>
/// <remarks>
/// Debian/Ubuntu's runtime package <c>libopus0</c> ships only the SONAME file <c>libopus.so.0</c>; the unversioned
/// <c>libopus.so</c> symlink comes with <c>libopus-dev</c>. The default probing for the logical name "opus" would therefore
/// miss a production image, so this type installs the assembly's <see cref="NativeLibrary.SetDllImportResolver"/> and
/// tries the versioned name first. A process may install only one resolver per assembly: if another layer of
/// CallGateway.Media ever needs one, it must be merged into <see cref="Resolve"/>.
/// </remarks>
internal static partial class OpusNative
{
    private const string LibraryName = "opus";

    private static readonly string[] Candidates = ["libopus.so.0", "libopus.so", "libopus.0.dylib", "opus.dll", "libopus-0.dll"];

    // An explicit static constructor (no beforefieldinit) guarantees that the resolver is installed before the first
    // generated P/Invoke stub of this class runs.
    static OpusNative() => NativeLibrary.SetDllImportResolver(typeof(OpusNative).Assembly, Resolve);

    public const int Ok = 0;
    public const int ApplicationVoip = 2048;
    public const int ApplicationAudio = 2049;
    public const int ApplicationRestrictedLowDelay = 2051;
    public const int Auto = -1000;
    public const int SignalVoice = 3001;

    // CTL request codes from opus_defines.h.
    public const int SetBitrateRequest = 4002;
    public const int GetBitrateRequest = 4003;
    public const int SetComplexityRequest = 4010;
    public const int GetComplexityRequest = 4011;
    public const int SetInbandFecRequest = 4012;
    public const int GetInbandFecRequest = 4013;
    public const int SetPacketLossPercRequest = 4014;
    public const int GetPacketLossPercRequest = 4015;
    public const int SetDtxRequest = 4016;
    public const int GetDtxRequest = 4017;
    public const int SetSignalRequest = 4024;
    public const int GetSignalRequest = 4025;
    public const int GetLookaheadRequest = 4027;
    public const int ResetStateRequest = 4028;

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (!string.Equals(libraryName, LibraryName, StringComparison.Ordinal))
        {
            return IntPtr.Zero; // not ours: let the runtime's default probing handle it
        }

        return LoadFirst(Candidates, assembly, searchPath);
    }

    /// <summary>Loads the first library of <paramref name="candidates"/> that exists, or throws a message that says what to install.</summary>
    internal static IntPtr LoadFirst(IEnumerable<string> candidates, Assembly assembly, DllImportSearchPath? searchPath)
    {
        foreach (var candidate in candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle))
            {
                return handle;
            }
        }

        throw new DllNotFoundException("libopus not found: apt-get install libopus0");
    }

    [LibraryImport(LibraryName, EntryPoint = "opus_get_version_string")]
    internal static partial IntPtr GetVersionString();

    [LibraryImport(LibraryName, EntryPoint = "opus_strerror")]
    internal static partial IntPtr StrError(int error);

    [LibraryImport(LibraryName, EntryPoint = "opus_encoder_create")]
    internal static partial OpusEncoderHandle EncoderCreate(int sampleRate, int channels, int application, out int error);

    [LibraryImport(LibraryName, EntryPoint = "opus_encoder_destroy")]
    internal static partial void EncoderDestroy(IntPtr state);

    [LibraryImport(LibraryName, EntryPoint = "opus_encode")]
    internal static unsafe partial int Encode(OpusEncoderHandle state, short* pcm, int frameSize, byte* data, int maxDataBytes);

    // opus_encoder_ctl(OpusEncoder *st, int request, ...) is variadic and .NET cannot emit C varargs calls on Unix.
    // The fixed-arity declarations below are ABI-compatible only where a variadic callee reads its arguments from the
    // same places as a fixed-arity one: on SysV x86-64 (variadic ints and pointers use the normal integer registers;
    // the callee only additionally reads AL as an upper bound of vector registers, which it ignores for integer
    // va_arg) and on Linux AArch64 (AAPCS64 passes named and anonymous integer arguments in x0-x7 alike). It is NOT
    // valid on Apple arm64, where anonymous arguments go on the stack. The service targets Linux x64/arm64 only.
    [LibraryImport(LibraryName, EntryPoint = "opus_encoder_ctl")]
    internal static partial int EncoderCtlSet(OpusEncoderHandle state, int request, int value);

    [LibraryImport(LibraryName, EntryPoint = "opus_encoder_ctl")]
    internal static partial int EncoderCtlGet(OpusEncoderHandle state, int request, out int value);

    [LibraryImport(LibraryName, EntryPoint = "opus_decoder_create")]
    internal static partial OpusDecoderHandle DecoderCreate(int sampleRate, int channels, out int error);

    [LibraryImport(LibraryName, EntryPoint = "opus_decoder_destroy")]
    internal static partial void DecoderDestroy(IntPtr state);

    [LibraryImport(LibraryName, EntryPoint = "opus_decode")]
    internal static unsafe partial int Decode(OpusDecoderHandle state, byte* data, int length, short* pcm, int frameSize, int decodeFec);

    [LibraryImport(LibraryName, EntryPoint = "opus_packet_get_nb_samples")]
    internal static unsafe partial int PacketGetNbSamples(byte* packet, int length, int sampleRate);

    internal static string ErrorText(int code)
    {
        var text = Marshal.PtrToStringAnsi(StrError(code));
        return text ?? "unknown error";
    }
}
