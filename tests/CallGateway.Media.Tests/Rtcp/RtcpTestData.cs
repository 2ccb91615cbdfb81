namespace CallGateway.Media.Tests.Rtcp;

internal static class RtcpTestData
{
    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    // A compound RTCP packet from a real packet dump (a browser's RR + SDES + BYE, followed by PLI, RRR and APP
    // packets), as published in pion/rtcp packet_test.go realPacket(). Bytes transcribed, offsets per packet:
    public const string RealCompound =
        // RR (offset 0): RC=1, len=7, SSRC 0x902f9e2e; block: SSRC 0xbc5e9a40, lost 0/0, ext seq 0x46e1, jitter 273,
        // LSR 0x09f36432, DLSR 150137
        "81c90007 902f9e2e bc5e9a40 00000000 000046e1 00000111 09f36432 00024a79" +
        // SDES (offset 32): SC=1, len=12, SSRC 0x902f9e2e, CNAME (38 octets) "{9c00eb92-1afb-9d49-a47d-91f64eee69f5}",
        // END + 3 padding octets
        "81ca000c 902f9e2e 0126 7b396330306562 39322d316166622d 396434392d613437 642d393166363465 656536396635 7d 00000000" +
        // BYE (offset 84): SC=1, SSRC 0x902f9e2e
        "81cb0001 902f9e2e" +
        // PSFB (206) PLI (offset 92): sender and media SSRC 0x902f9e2e
        "81ce0002 902f9e2e 902f9e2e" +
        // RTPFB (205) FMT=5 RRR (offset 104)
        "85cd0002 902f9e2e 902f9e2e" +
        // APP (204) (offset 116): SSRC 0x4baae1ab, name "NAME", data "ABCD"
        "80cc0003 4baae1ab 4e414d45 41424344";

    public const string RealCname = "{9c00eb92-1afb-9d49-a47d-91f64eee69f5}";
}
