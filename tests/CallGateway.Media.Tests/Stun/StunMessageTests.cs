using System.Net;
using System.Text;
using CallGateway.Media.Stun;

namespace CallGateway.Media.Tests.Stun;

public class StunMessageTests
{
    private static readonly byte[] ShortTermKey = StunCredentials.ShortTermKey(Rfc5769Vectors.ShortTermPassword);

    private static readonly byte[] LongTermKey = StunCredentials.LongTermKey(
        Rfc5769Vectors.LongTermUsername, Rfc5769Vectors.LongTermRealm, Rfc5769Vectors.LongTermPassword);

    // RFC 5769 §2.1: a Binding request carrying SOFTWARE, PRIORITY, ICE-CONTROLLED and USERNAME.
    [Fact]
    public void TryParse_Rfc5769SampleRequest_ExposesIceAttributes()
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.SampleRequest, out StunMessage? message));

        Assert.Equal(StunMessageClass.Request, message.Class);
        Assert.Equal(StunMethod.Binding, message.Method);
        Assert.Equal(new StunTransactionId(0xb7e7a701bc34d686, 0xfa87dfae), message.TransactionId);
        Assert.True(message.TryGetSoftware(out string? software));
        Assert.Equal("STUN test client", software);
        Assert.True(message.TryGetPriority(out uint priority));
        Assert.Equal(0x6e0001ffu, priority);
        Assert.True(message.TryGetIceControlled(out ulong tieBreaker));
        Assert.Equal(0x932ff9b151263b36ul, tieBreaker);
        Assert.False(message.TryGetIceControlling(out _));
        Assert.False(message.HasUseCandidate);
        Assert.True(message.TryGetUsername(out string? username));
        Assert.Equal("evtj:h6vY", username);
        Assert.True(message.UsernameEquals("evtj:h6vY"u8));
        Assert.False(message.UsernameEquals("evtj:h6vZ"u8));
    }

    // RFC 5769 §2.2 and §2.3: XOR-MAPPED-ADDRESS decodes to 192.0.2.1:32853 and
    // [2001:db8:1234:5678:11:2233:4455:6677]:32853.
    [Theory]
    [InlineData("2.2", "192.0.2.1", 32853)]
    [InlineData("2.3", "2001:db8:1234:5678:11:2233:4455:6677", 32853)]
    public void TryParse_Rfc5769SampleResponse_DecodesXorMappedAddress(string section, string address, int port)
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.Get(section), out StunMessage? message));

        Assert.Equal(StunMessageClass.SuccessResponse, message.Class);
        Assert.Equal(StunMethod.Binding, message.Method);
        Assert.True(message.TryGetSoftware(out string? software));
        Assert.Equal("test vector", software);
        Assert.True(message.TryGetXorMappedAddress(out IPEndPoint? endPoint));
        Assert.Equal(new IPEndPoint(IPAddress.Parse(address), port), endPoint);
        Assert.False(message.TryGetMappedAddress(out _));
    }

    // RFC 5769 §2.1-§2.3 MESSAGE-INTEGRITY verifies with the short-term password; §2.4 with the long-term key.
    [Theory]
    [InlineData("2.1")]
    [InlineData("2.2")]
    [InlineData("2.3")]
    [InlineData("2.4")]
    public void VerifyMessageIntegrity_Rfc5769Vector_Succeeds(string section)
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.Get(section), out StunMessage? message));
        byte[] key = section == "2.4" ? LongTermKey : ShortTermKey;

        Assert.True(message.HasMessageIntegrity);
        Assert.True(message.VerifyMessageIntegrity(key));
    }

    // RFC 5769 §2.1-§2.3: a wrong password must not verify; nor must the short-term key on the §2.4 message.
    [Theory]
    [InlineData("2.1", "VOkJxbRl1RmTxUk/WvJxBu")]
    [InlineData("2.2", "wrong-password-0000000")]
    [InlineData("2.3", "")]
    [InlineData("2.4", Rfc5769Vectors.LongTermPassword)]
    public void VerifyMessageIntegrity_WrongKey_Fails(string section, string password)
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.Get(section), out StunMessage? message));

        Assert.False(message.VerifyMessageIntegrity(StunCredentials.ShortTermKey(password)));
    }

    // RFC 5769 §2.1-§2.3 carry FINGERPRINT; §2.4 has none, so verification must report false.
    [Theory]
    [InlineData("2.1", true)]
    [InlineData("2.2", true)]
    [InlineData("2.3", true)]
    [InlineData("2.4", false)]
    public void VerifyFingerprint_Rfc5769Vector_MatchesPresence(string section, bool expected)
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.Get(section), out StunMessage? message));

        Assert.Equal(expected, message.HasFingerprint);
        Assert.Equal(expected, message.VerifyFingerprint());
    }

    // RFC 5769 §2.4: USERNAME, NONCE and REALM of the long-term request.
    [Fact]
    public void TryParse_Rfc5769LongTermRequest_ExposesUsernameRealmNonce()
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.SampleLongTermRequest, out StunMessage? message));

        Assert.Equal(new StunTransactionId(0x78ad3433c6ad72c0, 0x29da412e), message.TransactionId);
        Assert.True(message.TryGetUsername(out string? username));
        Assert.Equal(Rfc5769Vectors.LongTermUsername, username);
        Assert.True(message.TryGetAttribute(StunAttributeType.Realm, out ReadOnlySpan<byte> realm));
        Assert.Equal(Rfc5769Vectors.LongTermRealm, Encoding.UTF8.GetString(realm));
        Assert.True(message.TryGetAttribute(StunAttributeType.Nonce, out ReadOnlySpan<byte> nonce));
        Assert.Equal(Rfc5769Vectors.LongTermNonce, Encoding.UTF8.GetString(nonce));
    }

    [Theory]
    [InlineData("2.1")]
    [InlineData("2.2")]
    [InlineData("2.3")]
    [InlineData("2.4")]
    public void VerifyMessageIntegrity_AnyFlippedBitBeforeIntegrity_Fails(string section)
    {
        byte[] vector = Rfc5769Vectors.Get(section);
        byte[] key = section == "2.4" ? LongTermKey : ShortTermKey;
        int integrityStart = IndexOfAttribute(vector, StunAttributeType.MessageIntegrity);

        for (int offset = 0; offset < integrityStart + 24; offset++)
        {
            if (offset is 2 or 3)
            {
                continue; // The length field is re-derived, and changing it breaks framing instead.
            }

            byte[] tampered = (byte[])vector.Clone();
            tampered[offset] ^= 0x01;
            bool parsed = StunMessage.TryParse(tampered, out StunMessage? message);
            Assert.False(parsed && message!.VerifyMessageIntegrity(key), $"bit flip at {offset} still verified");
        }
    }

    [Fact]
    public void VerifyFingerprint_TamperedPriority_BothChecksFail()
    {
        byte[] tampered = (byte[])Rfc5769Vectors.SampleRequest.Clone();
        tampered[47] ^= 0xFF; // last byte of the PRIORITY value

        Assert.True(StunMessage.TryParse(tampered, out StunMessage? message));
        Assert.False(message.VerifyFingerprint());
        Assert.False(message.VerifyMessageIntegrity(ShortTermKey));
    }

    [Fact]
    public void VerifyMessageIntegrity_TamperedFingerprintOnly_StillVerifies()
    {
        // FINGERPRINT lies after MESSAGE-INTEGRITY, so it is outside the HMAC (RFC 8489 §14.5).
        byte[] tampered = (byte[])Rfc5769Vectors.SampleRequest.Clone();
        tampered[^1] ^= 0x01;

        Assert.True(StunMessage.TryParse(tampered, out StunMessage? message));
        Assert.True(message.VerifyMessageIntegrity(ShortTermKey));
        Assert.False(message.VerifyFingerprint());
    }

    [Fact]
    public void TryParse_AttributeAfterIntegrity_IsIgnored()
    {
        // RFC 8489 §14.5: attributes after MESSAGE-INTEGRITY, except FINGERPRINT, are ignored.
        Span<byte> buffer = stackalloc byte[256];
        var writer = new StunMessageWriter(buffer, StunMessageClass.Request, StunMethod.Binding, StunTransactionId.NewRandom());
        writer.AddUsername("a:b");
        writer.AddMessageIntegrity(ShortTermKey);
        Assert.True(writer.TryComplete(out int written));
        byte[] withExtra = AppendAttribute(buffer[..written].ToArray(), StunAttributeType.UseCandidate, []);

        Assert.True(StunMessage.TryParse(withExtra, out StunMessage? message));
        Assert.False(message.HasUseCandidate);
        Assert.True(message.VerifyMessageIntegrity(ShortTermKey));
    }

    [Fact]
    public void TryParse_AttributeAfterFingerprint_ReturnsFalse()
    {
        byte[] withExtra = AppendAttribute(Rfc5769Vectors.SampleRequest, StunAttributeType.Software, "x"u8.ToArray());

        Assert.False(StunMessage.TryParse(withExtra, out _));
    }

    [Theory]
    [InlineData(0, 0x40)] // top bits must be zero
    [InlineData(4, 0x20)] // magic cookie
    [InlineData(3, 0x5A)] // length no longer a multiple of 4 / mismatched
    [InlineData(3, 0x5C)] // length multiple of 4 but larger than the datagram
    [InlineData(23, 0x11)] // SOFTWARE length 17 misframes every later attribute
    [InlineData(103, 0x05)] // FINGERPRINT length 5 runs past the datagram
    public void TryParse_MalformedHeaderOrFraming_ReturnsFalse(int offset, byte value)
    {
        byte[] bad = (byte[])Rfc5769Vectors.SampleRequest.Clone();
        bad[offset] = value;

        Assert.False(StunMessage.TryParse(bad, out StunMessage? message));
        Assert.Null(message);
    }

    [Theory]
    [InlineData(StunAttributeType.MessageIntegrity, 16)]
    [InlineData(StunAttributeType.MessageIntegrity, 32)]
    [InlineData(StunAttributeType.Fingerprint, 8)]
    [InlineData(StunAttributeType.Fingerprint, 0)]
    public void TryParse_IntegrityOrFingerprintWithWrongLength_ReturnsFalse(StunAttributeType type, int length)
    {
        Span<byte> buffer = stackalloc byte[128];
        var writer = new StunMessageWriter(buffer, StunMessageClass.Request, StunMethod.Binding, StunTransactionId.NewRandom());
        writer.AddPriority(1);
        writer.AddAttribute(type, new byte[length]);
        Assert.True(writer.TryComplete(out int written));

        Assert.False(StunMessage.TryParse(buffer[..written], out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(19)]
    [InlineData(21)]
    [InlineData(107)]
    public void TryParse_Truncated_ReturnsFalse(int length)
    {
        Assert.False(StunMessage.TryParse(Rfc5769Vectors.SampleRequest.AsSpan(0, length), out _));
    }

    [Fact]
    public void TryParse_UnknownAttributes_AreKeptAndReportedWhenComprehensionRequired()
    {
        Span<byte> buffer = stackalloc byte[128];
        var writer = new StunMessageWriter(buffer, StunMessageClass.Request, StunMethod.Binding, StunTransactionId.NewRandom());
        writer.AddAttribute((StunAttributeType)0x7F01, [1, 2, 3]);
        writer.AddAttribute((StunAttributeType)0xC001, [4]);
        writer.AddPriority(7);
        Assert.True(writer.TryComplete(out int written));

        Assert.True(StunMessage.TryParse(buffer[..written], out StunMessage? message));
        Assert.Equal(3, message.Attributes.Length);
        Assert.True(message.TryGetAttribute((StunAttributeType)0x7F01, out ReadOnlySpan<byte> value));
        Assert.Equal([1, 2, 3], value.ToArray());
        Span<StunAttributeType> unknown = stackalloc StunAttributeType[4];
        int count = message.CollectUnknownComprehensionRequired([StunAttributeType.Priority], unknown);
        Assert.Equal(1, count);
        Assert.Equal((StunAttributeType)0x7F01, unknown[0]);
    }

    [Fact]
    public void LooksLikeStun_DtlsAndRtpPackets_ReturnsFalse()
    {
        // A DTLS 1.2 handshake record header (content type 22, version fe fd, epoch 0, sequence 0): its first byte
        // passes the top-bits test, so the magic cookie is what tells it apart.
        byte[] dtls = Rfc5769Vectors.Hex("16 fe fd 00 00 00 00 00 00 00 00 00 2c 01 00 00 20 00 00 00 00 00 00");
        byte[] rtp = (byte[])Rfc5769Vectors.SampleRequest.Clone();
        rtp[0] = 0x80;

        Assert.True(StunMessage.LooksLikeStun(Rfc5769Vectors.SampleRequest));
        Assert.False(StunMessage.LooksLikeStun(dtls));
        Assert.False(StunMessage.LooksLikeStun(rtp));
    }

    private static int IndexOfAttribute(byte[] message, StunAttributeType type)
    {
        Assert.True(StunMessage.TryParse(message, out StunMessage? parsed));
        foreach (StunAttribute attribute in parsed.Attributes)
        {
            if (attribute.Type == type)
            {
                return attribute.ValueOffset - 4;
            }
        }

        throw new InvalidOperationException("attribute not present");
    }

    private static byte[] AppendAttribute(byte[] message, StunAttributeType type, byte[] value)
    {
        int padded = (value.Length + 3) & ~3;
        var result = new byte[message.Length + 4 + padded];
        message.CopyTo(result, 0);
        result[message.Length] = (byte)((ushort)type >> 8);
        result[message.Length + 1] = (byte)type;
        result[message.Length + 3] = (byte)value.Length;
        value.CopyTo(result, message.Length + 4);
        int bodyLength = result.Length - StunMessage.HeaderLength;
        result[2] = (byte)(bodyLength >> 8);
        result[3] = (byte)bodyLength;
        return result;
    }
}
