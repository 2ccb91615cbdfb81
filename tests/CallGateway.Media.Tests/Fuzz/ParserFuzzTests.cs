using System.Text;
using CallGateway.Media.Rtcp;
using CallGateway.Media.Rtp;
using CallGateway.Media.Sdp;
using CallGateway.Media.Srtp;
using CallGateway.Media.Stun;
using Xunit.Abstractions;

namespace CallGateway.Media.Tests.Fuzz;

/// <summary>
/// Seeded mutational fuzzing of every parser that reads network input, run in CI. Each target must never throw
/// and never take long on one input. A crashing input is printed as hex: add it to the regression rows below.
/// </summary>
public class ParserFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Sdp_NeverThrows()
    {
        var seeds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "Sdp"), "*.sdp").Select(File.ReadAllBytes).ToList();
        Report("SDP", new Mutator(seeds, 8866).Run(input =>
        {
            if (SdpParser.TryParse(Encoding.UTF8.GetString(input), out var sdp, out _) && RemoteMediaParameters.TryExtract(sdp, out _, out _))
            {
                _ = SdpWriter.Write(sdp);
            }
        }));
    }

    [Fact]
    public void Stun_NeverThrows()
    {
        // RFC 5769 §2.1 sample request and a typical ICE check of ours.
        byte[][] seeds =
        [
            Convert.FromHexString("000100582112A442B7E7A701BC34D686FA87DFAE802200105354554E2074657374206375636B6F6F002400046E0001FF80290008932FF9B151263B36000600096576746A3A68367659202020000800149AEAA70CBFD8CB56781EF2B5B2D3F249C1B571A280280004E57A3BCF"),
            Convert.FromHexString("0101003C2112A442B7E7A701BC34D686FA87DFAE8022000B7465737420766563746F7220002000080001A147E112A643000800142B91F599FD9E90C38C7489F92AF9BA53F06BE7D780280004C07D4C96"),
        ];
        Report("STUN", new Mutator(seeds, 5389).Run(input =>
        {
            if (StunMessage.TryParse(input, out var message))
            {
                message.VerifyFingerprint();
                message.VerifyMessageIntegrity("VOkJxbRl1RmTxUk/WvJxBt"u8);
                message.TryGetXorMappedAddress(out _);
                message.TryGetUsername(out _);
                message.TryGetErrorCode(out _);
            }
        }));
    }

    [Fact]
    public void RtpAndRtcp_NeverThrow()
    {
        byte[][] seeds =
        [
            Convert.FromHexString("806F1234000003E8DEADBEEF" + new string('A', 160)), // Opus RTP
            Convert.FromHexString("907E0001000000640000000ABEDE000110FF00000102030405060708"), // with a one-byte extension
            Convert.FromHexString("81C90007DEADBEEF0102030400FFFFFF000012340000000A000000000000000081CA0006DEADBEEF0109636E616D652D31323300000000"), // RR + SDES
            Convert.FromHexString("80C80006DEADBEEFE8A1B2C3D4E5F607000010000000006400001900" + "81CB0001DEADBEEF"), // SR + BYE
        ];
        Report("RTP/RTCP", new Mutator(seeds, 3550).Run(input =>
        {
            if (RtpPacket.TryParse(input, out var packet))
            {
                OneByteHeaderExtension.TryFind(packet.Header.ExtensionData, 1, out _);
            }

            var parser = new RtcpCompoundParser(input);
            while (parser.TryReadNext(out var header, out var body))
            {
                _ = header.PacketType switch
                {
                    RtcpPacketType.SenderReport => SenderReport.TryParse(body, out _),
                    RtcpPacketType.ReceiverReport => ReceiverReport.TryParse(body, out _),
                    RtcpPacketType.SourceDescription => SourceDescription.TryParse(body, out _),
                    RtcpPacketType.Goodbye => Goodbye.TryParse(body, out _),
                    _ => false,
                };
            }
        }));
    }

    [Fact]
    public void SrtpUnprotect_NeverThrows()
    {
        var key = new byte[16];
        var salt = new byte[14];
        using var cm = new SrtpContext(SrtpProfile.AesCm128HmacSha1_80, key, salt);
        using var gcm = new SrtpContext(SrtpProfile.AeadAes128Gcm, key, salt.AsSpan(0, 12));
        byte[][] seeds = [Convert.FromHexString("806F1234000003E8DEADBEEF" + new string('A', 180)), Convert.FromHexString("81C90007DEADBEEF" + new string('0', 80))];
        Report("SRTP unprotect", new Mutator(seeds, 3711).Run(input =>
        {
            var buffer = new byte[input.Length + 32];
            input.CopyTo(buffer, 0);
            cm.UnprotectRtp(buffer, input.Length, out _);
            gcm.UnprotectRtp(buffer, input.Length, out _);
            cm.UnprotectRtcp(buffer, input.Length, out _);
            gcm.UnprotectRtcp(buffer, input.Length, out _);
        }));
    }

    private void Report(string target, (int Iterations, TimeSpan Slowest) result)
    {
        output.WriteLine($"fuzz {target}: {result.Iterations} inputs, 0 crashes, slowest {result.Slowest.TotalMilliseconds:0.00} ms");
        Assert.True(result.Slowest < TimeSpan.FromSeconds(1), $"{target}: an input took {result.Slowest}");
    }
}
