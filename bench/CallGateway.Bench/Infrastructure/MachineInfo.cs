using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using CallGateway.Media.Codecs;

namespace CallGateway.Bench.Infrastructure;

/// <summary>The context every figure depends on, printed at the top of each run.</summary>
internal static class MachineInfo
{
    /// <summary>True when the media assembly was compiled with optimisations (a Release build).</summary>
    public static bool IsOptimized(Assembly assembly) =>
        assembly.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };

    public static IReadOnlyList<(string Name, string Value)> Describe()
    {
        var mediaAssembly = typeof(OpusEncoder).Assembly;
        var bouncyCastle = typeof(Org.BouncyCastle.Tls.DtlsServerProtocol).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];
        string opus;
        try
        {
            opus = OpusLibrary.Version;
        }
        catch (DllNotFoundException)
        {
            opus = "NOT FOUND (install libopus0)";
        }

        return
        [
            ("date (UTC)", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            ("os", RuntimeInformation.OSDescription),
            ("cpu", $"{LinuxProc.CpuModel()}, {Environment.ProcessorCount} logical cores, flags: {LinuxProc.CryptoFlags()}"),
            (".NET", $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture})"),
            ("GC", $"{(GCSettings.IsServerGC ? "Server" : "Workstation")}, {GCSettings.LatencyMode}, heaps: {HeapCount()}"),
            ("JIT", $"TieredCompilation={Env("DOTNET_TieredCompilation", "default(on)")}, TieredPGO={Env("DOTNET_TieredPGO", "default(on)")}, ReadyToRun={Env("DOTNET_ReadyToRun", "default(on)")}"),
            ("sockets", $"inline completions {(Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") == "1" ? "ON (DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1)" : "off (default: completions run on the thread pool)")}"),
            ("build", IsOptimized(mediaAssembly) && IsOptimized(typeof(MachineInfo).Assembly) ? "Release (optimised)" : "DEBUG - figures are meaningless, use -c Release"),
            ("libopus", opus),
            ("BouncyCastle", bouncyCastle ?? "?"),
            ("load average", LinuxProc.LoadAverage()),
            ("nice", LinuxProc.Nice().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
    }

    public static void Print(TextWriter output)
    {
        output.WriteLine("## Machine");
        foreach (var (name, value) in Describe())
        {
            output.WriteLine($"  {name,-13} {value}");
        }

        output.WriteLine();
    }

    private static string HeapCount() =>
        GC.GetConfigurationVariables().TryGetValue("HeapCount", out var count) ? Convert.ToString(count, System.Globalization.CultureInfo.InvariantCulture) ?? "?" : "?";

    private static string Env(string name, string fallback) => Environment.GetEnvironmentVariable(name) ?? fallback;
}
