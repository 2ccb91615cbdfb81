using CallGateway.Bench.Infrastructure;

namespace CallGateway.Bench.Gateway;

internal sealed record GatewaySectionOptions(int Rounds, int IntakeSeconds, int Connections, int SetupCalls, int[]? SandboxCalls, int? PhoneComplexity, IReadOnlyList<string> GatewayArgs);

/// <summary>
/// The production-hardening capacity items, measured on the whole gateway running as a process (the Release build):
/// webhook intake against a bare Kestrel baseline, webhook -> pre_accept latency, and concurrent calls against the
/// sandbox.
/// </summary>
internal static class GatewaySections
{
    public static readonly string[] Names = ["intake", "setup", "sandbox-calls", "ws-latency", "gateway"];

    public static async Task RunAsync(TextWriter output, string section, GatewaySectionOptions options)
    {
        var all = section is "gateway" or "all";
        if (section == "intake" || all)
        {
            await HostLoad.GateAsync(output, "intake");
            await IntakeSection.RunAsync(output, new IntakeSettings { Rounds = options.Rounds, Seconds = options.IntakeSeconds, Connections = options.Connections, ExtraGatewayArgs = options.GatewayArgs });
        }

        if (section == "setup" || all)
        {
            await HostLoad.GateAsync(output, "setup");
            await SetupLatencySection.RunAsync(output, new SetupLatencySettings { Calls = options.SetupCalls });
        }

        if (section == "ws-latency" || all)
        {
            await HostLoad.GateAsync(output, "ws-latency");
            await WsLatencySection.RunAsync(output, new WsLatencySettings());
        }

        if (section == "sandbox-calls" || all)
        {
            await HostLoad.GateAsync(output, "sandbox-calls");
            await SandboxCallsSection.RunAsync(output, options.SandboxCalls is { Length: > 0 } calls ? new SandboxCallsSettings { CallCounts = calls, PhoneComplexity = options.PhoneComplexity } : new SandboxCallsSettings { PhoneComplexity = options.PhoneComplexity });
        }
    }
}
