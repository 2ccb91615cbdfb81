using System.Net;
using System.Text;
using CallGateway.Media.Stun;

namespace CallGateway.Media.Tests.Stun;

public class StunMessageWriterTests
{
    private static readonly byte[] ShortTermKey = StunCredentials.ShortTermKey(Rfc5769Vectors.ShortTermPassword);
    private static readonly StunTransactionId VectorId = new(0xb7e7a701bc34d686, 0xfa87dfae);

    // RFC 5769 §2.1: re-encoding the request with 0x20 padding reproduces the vector byte for byte.
    [Fact]
    public void TryComplete_Rfc5769SampleRequest_ReproducesVector()
    {
        Span<byte> buffer = stackalloc byte[256];
        var writer = new StunMessageWriter(buffer, StunMessageClass.Request, StunMethod.Binding, VectorId, padding: 0x20);
        writer.AddSoftware("STUN test client");
        writer.AddPriority(0x6e0001ff);
        writer.AddIceControlled(0x932ff9b151263b36);
        writer.AddUsername("evtj:h6vY");
        writer.AddMessageIntegrity(ShortTermKey);
        writer.AddFingerprint();

        Assert.True(writer.TryComplete(out int written));
        Assert.Equal(Rfc5769Vectors.SampleRequest, buffer[..written].ToArray());
    }

    // RFC 5769 §2.2 and §2.3: the responses re-encode byte for byte.
    [Theory]
    [InlineData("2.2", "192.0.2.1", 32853)]
    [InlineData("2.3", "2001:db8:1234:5678:11:2233:4455:6677", 32853)]
    public void TryComplete_Rfc5769SampleResponse_ReproducesVector(string section, string address, int port)
    {
        Span<byte> buffer = stackalloc byte[256];
        var writer = new StunMessageWriter(buffer, StunMessageClass.SuccessResponse, StunMethod.Binding, VectorId, padding: 0x20);
        writer.AddSoftware("test vector");
        writer.AddXorMappedAddress(new IPEndPoint(IPAddress.Parse(address), port));
        writer.AddMessageIntegrity(ShortTermKey);
        writer.AddFingerprint();

        Assert.True(writer.TryComplete(out int written));
        Assert.Equal(Rfc5769Vectors.Get(section), buffer[..written].ToArray());
    }

    // RFC 5769 §2.4: long-term key MD5("マトリックス:example.org:TheMatrIX"), zero padding, no FINGERPRINT.
    [Fact]
    public void TryComplete_Rfc5769LongTermRequest_ReproducesVector()
    {
        byte[] key = StunCredentials.LongTermKey(
            Rfc5769Vectors.LongTermUsername, Rfc5769Vectors.LongTermRealm, Rfc5769Vectors.LongTermPassword);
        Span<byte> buffer = stackalloc byte[256];
        var writer = new StunMessageWriter(
            buffer, StunMessageClass.Request, StunMethod.Binding, new StunTransactionId(0x78ad3433c6ad72c0, 0x29da412e));
        writer.AddUsername(Rfc5769Vectors.LongTermUsername);
        writer.AddAttribute(StunAttributeType.Nonce, Encoding.UTF8.GetBytes(Rfc5769Vectors.LongTermNonce));
        writer.AddAttribute(StunAttributeType.Realm, Encoding.UTF8.GetBytes(Rfc5769Vectors.LongTermRealm));
        writer.AddMessageIntegrity(key);

        Assert.True(writer.TryComplete(out int written));
        Assert.Equal(Rfc5769Vectors.SampleLongTermRequest, buffer[..written].ToArray());
    }

    [Fact]
    public void TryComplete_AllIceAttributes_RoundTripThroughParser()
    {
        Span<byte> buffer = stackalloc byte[512];
        var id = StunTransactionId.NewRandom();
        var writer = new StunMessageWriter(buffer, StunMessageClass.Request, StunMethod.Binding, id);
        writer.AddUsername("remote:local");
        writer.AddPriority(1853824767);
        writer.AddIceControlling(ulong.MaxValue - 5);
        writer.AddUseCandidate();
        writer.AddMappedAddress(new IPEndPoint(IPAddress.Parse("203.0.113.9"), 3478));
        writer.AddXorMappedAddress(new IPEndPoint(IPAddress.Parse("2001:db8::1"), 50000));
        writer.AddMessageIntegrity("pwd"u8);
        writer.AddFingerprint();
        Assert.True(writer.TryComplete(out int written));

        Assert.True(StunMessage.TryParse(buffer[..written], out StunMessage? message));
        Assert.Equal(id, message.TransactionId);
        Assert.True(message.TryGetUsername(out string? username));
        Assert.Equal("remote:local", username);
        Assert.True(message.TryGetPriority(out uint priority));
        Assert.Equal(1853824767u, priority);
        Assert.True(message.TryGetIceControlling(out ulong tieBreaker));
        Assert.Equal(ulong.MaxValue - 5, tieBreaker);
        Assert.True(message.HasUseCandidate);
        Assert.True(message.TryGetMappedAddress(out IPEndPoint? mapped));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.9"), 3478), mapped);
        Assert.True(message.TryGetXorMappedAddress(out IPEndPoint? xorMapped));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("2001:db8::1"), 50000), xorMapped);
        Assert.True(message.VerifyMessageIntegrity("pwd"u8));
        Assert.False(message.VerifyMessageIntegrity("pwe"u8));
        Assert.True(message.VerifyFingerprint());
    }

    [Theory]
    [InlineData(400, "Bad Request")]
    [InlineData(401, "Unauthenticated")]
    [InlineData(420, "")]
    [InlineData(487, "Role Conflict")]
    [InlineData(699, "x")]
    public void AddErrorCode_RoundTrips(int code, string reason)
    {
        Span<byte> buffer = stackalloc byte[128];
        var writer = new StunMessageWriter(buffer, StunMessageClass.ErrorResponse, StunMethod.Binding, StunTransactionId.NewRandom());
        writer.AddErrorCode(code, reason);
        writer.AddUnknownAttributes([(StunAttributeType)0x7F01, StunAttributeType.Priority, (StunAttributeType)0x0042]);
        writer.AddFingerprint();
        Assert.True(writer.TryComplete(out int written));

        Assert.True(StunMessage.TryParse(buffer[..written], out StunMessage? message));
        Assert.Equal(StunMessageClass.ErrorResponse, message.Class);
        Assert.True(message.TryGetErrorCode(out StunErrorCode error));
        Assert.Equal(code, error.Code);
        Assert.Equal(code / 100, error.Class);
        Assert.Equal(reason, error.Reason);
        Assert.True(message.TryGetUnknownAttributes(out StunAttributeType[]? unknown));
        Assert.Equal([(StunAttributeType)0x7F01, StunAttributeType.Priority, (StunAttributeType)0x0042], unknown);
        Assert.True(message.VerifyFingerprint());
    }

    [Fact]
    public void AddXorMappedAddress_IPv4MappedIPv6_IsWrittenAsIPv4()
    {
        var mapped = new IPEndPoint(IPAddress.Parse("198.51.100.7").MapToIPv6(), 61000);
        Span<byte> buffer = stackalloc byte[64];
        var writer = new StunMessageWriter(buffer, StunMessageClass.SuccessResponse, StunMethod.Binding, StunTransactionId.NewRandom());
        writer.AddXorMappedAddress(mapped);
        Assert.True(writer.TryComplete(out int written));

        Assert.Equal(StunMessage.HeaderLength + 12, written);
        Assert.True(StunMessage.TryParse(buffer[..written], out StunMessage? message));
        Assert.True(message.TryGetXorMappedAddress(out IPEndPoint? endPoint));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("198.51.100.7"), 61000), endPoint);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(19)]
    [InlineData(20)]
    [InlineData(40)]
    [InlineData(63)]
    public void TryComplete_BufferTooSmall_ReturnsFalse(int size)
    {
        var buffer = new byte[size];
        var writer = new StunMessageWriter(buffer, StunMessageClass.Request, StunMethod.Binding, StunTransactionId.NewRandom());
        writer.AddUsername("abcd:efgh");
        writer.AddPriority(1);
        writer.AddMessageIntegrity(ShortTermKey);
        writer.AddFingerprint();

        Assert.True(writer.Overflowed);
        Assert.False(writer.TryComplete(out _));
    }

    [Fact]
    public void TryComplete_EveryBufferSize_CompletesExactlyWhenTheMessageFits()
    {
        // An ICE check: 20 header + 16 USERNAME + 8 PRIORITY + 12 ICE-CONTROLLING + 4 USE-CANDIDATE + 24 MI + 8 FP.
        const int required = 92;
        for (int size = 0; size <= required + 8; size++)
        {
            var buffer = new byte[size];
            var writer = new StunMessageWriter(buffer, StunMessageClass.Request, StunMethod.Binding, StunTransactionId.NewRandom());
            writer.AddUsername("abcd:efghi");
            writer.AddPriority(1);
            writer.AddIceControlling(2);
            writer.AddUseCandidate();
            writer.AddMessageIntegrity(ShortTermKey);
            writer.AddFingerprint();

            bool completed = writer.TryComplete(out int written);
            Assert.Equal(size >= required, completed);
            if (completed)
            {
                Assert.Equal(required, written);
                Assert.True(StunMessage.TryParse(buffer.AsSpan(0, written), out StunMessage? message));
                Assert.True(message.VerifyMessageIntegrity(ShortTermKey));
                Assert.True(message.VerifyFingerprint());
            }
        }
    }

    [Fact]
    public void TryComplete_ExactFit_Succeeds()
    {
        // 20 header + 12 USERNAME (8 bytes, no padding) + 24 MESSAGE-INTEGRITY + 8 FINGERPRINT.
        var buffer = new byte[64];
        var writer = new StunMessageWriter(buffer, StunMessageClass.Request, StunMethod.Binding, StunTransactionId.NewRandom());
        writer.AddUsername("abcd:efg");
        writer.AddMessageIntegrity(ShortTermKey);
        writer.AddFingerprint();

        Assert.True(writer.TryComplete(out int written));
        Assert.Equal(64, written);
        Assert.True(StunMessage.TryParse(buffer, out StunMessage? message));
        Assert.True(message.VerifyMessageIntegrity(ShortTermKey));
        Assert.True(message.VerifyFingerprint());
    }

    [Fact]
    public void AddAttribute_AfterIntegrityOrFingerprint_Throws()
    {
        var buffer = new byte[128];
        Assert.Throws<InvalidOperationException>(() =>
        {
            var writer = new StunMessageWriter(buffer, StunMessageClass.Request, StunMethod.Binding, default);
            writer.AddMessageIntegrity(ShortTermKey);
            writer.AddPriority(1);
        });
        Assert.Throws<InvalidOperationException>(() =>
        {
            var writer = new StunMessageWriter(buffer, StunMessageClass.Request, StunMethod.Binding, default);
            writer.AddFingerprint();
            writer.AddMessageIntegrity(ShortTermKey);
        });
    }

    [Theory]
    [InlineData(StunMessageClass.Request, 0x0001)]
    [InlineData(StunMessageClass.Indication, 0x0011)]
    [InlineData(StunMessageClass.SuccessResponse, 0x0101)]
    [InlineData(StunMessageClass.ErrorResponse, 0x0111)]
    public void Constructor_BindingClass_EncodesRfc8489MessageType(StunMessageClass messageClass, int expectedType)
    {
        // RFC 8489 §5 / §6: Binding request 0x0001, indication 0x0011, success 0x0101, error 0x0111.
        var buffer = new byte[20];
        var writer = new StunMessageWriter(buffer, messageClass, StunMethod.Binding, StunTransactionId.NewRandom());
        Assert.True(writer.TryComplete(out _));

        Assert.Equal(expectedType, (buffer[0] << 8) | buffer[1]);
        Assert.True(StunMessage.TryParse(buffer, out StunMessage? message));
        Assert.Equal(messageClass, message.Class);
        Assert.Equal(StunMethod.Binding, message.Method);
    }
}
