using System.Globalization;

namespace CallGateway.Media.Sdp;

/// <summary>
/// One time description (RFC 8866 §5.9, §5.10): a <c>t=&lt;start-time&gt; &lt;stop-time&gt;</c> line (NTP seconds;
/// WebRTC always sends <c>t=0 0</c>, an unbounded session) and the <c>r=</c> repeat lines that follow it.
/// </summary>
public sealed class SdpTiming
{
    public SdpTiming(ulong startTime = 0, ulong stopTime = 0)
    {
        StartTime = startTime;
        StopTime = stopTime;
    }

    public ulong StartTime { get; set; }

    public ulong StopTime { get; set; }

    /// <summary>The <c>r=</c> lines, verbatim (WebRTC never uses them; they are kept for round trips).</summary>
    public IList<string> RepeatTimes { get; } = new List<string>();

    /// <summary>The text after <c>t=</c>.</summary>
    public override string ToString() =>
        StartTime.ToString(CultureInfo.InvariantCulture) + " " + StopTime.ToString(CultureInfo.InvariantCulture);
}
