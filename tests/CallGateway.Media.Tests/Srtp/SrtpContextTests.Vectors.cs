using CallGateway.Media.Srtp;
using static CallGateway.Media.Tests.Srtp.SrtpTestPackets;

namespace CallGateway.Media.Tests.Srtp;

/// <summary>Known-answer tests: libsrtp reference packets and RFC 7714 vectors.</summary>
public partial class SrtpContextTests
{
    // libsrtp test/srtp_driver.c (cisco/libsrtp, e.g. commit 5e51ba890d559a816af41b9379a0b3cd194bf04a):
    // srtp_validate() uses the default policy (AES_CM_128_HMAC_SHA1_80) with test_key = master key
    // e1f97a0d..., master salt 0ec675ad..., SSRC 0xcafebabe, SEQ 0x1234, payload 16 x 0xab. Its SRTCP reference
    // (later versions of the same function) starts at SRTCP index 1, hence InitialSrtcpIndex = 1.
    // srtp_validate_gcm() uses AEAD_AES_128_GCM (16-octet tag) with key 000102...0f and salt a0a1...ab.
    private const string LibsrtpRtpPlain = "800f1234decafbadcafebabe abababababababababababababababab";
    private const string LibsrtpRtcpPlain = "81c8000bcafebabe abababababababababababababababab";

    public static TheoryData<SrtpProfile, string, string, string, string> LibsrtpVectors => new()
    {
        {
            SrtpProfile.AesCm128HmacSha1_80, "e1f97a0d3e018be0d64fa32c06de4139", "0ec675ad498afeebb6960b3aabe6",
            "800f1234decafbadcafebabe 4e55dc4ce79978d88ca4d215949d2402 b78d6acc99ea179b8dbb",
            "81c8000bcafebabe 7128035be487b9bdbef89041f977a5a8 80000001 993e08cd54d6c1230798"
        },
        {
            SrtpProfile.AeadAes128Gcm, "000102030405060708090a0b0c0d0e0f", "a0a1a2a3a4a5a6a7a8a9aaab",
            "800f1234decafbadcafebabe c5002ede04cfdd2eb91159e0880aa06e d2976826f796b201df3131a127e8a392",
            "81c8000bcafebabe c98b8b5df0392a55852b6c21ac8e7025 c52c6fbea2b3b446ea31123ba88ce61e 80000001"
        },
    };

    [Theory]
    [MemberData(nameof(LibsrtpVectors))]
    public void ProtectRtp_LibsrtpReferencePacket_MatchesCiphertext(
        SrtpProfile profile, string key, string salt, string srtp, string srtcp)
    {
        _ = srtcp;
        using var sender = new SrtpContext(profile, Hex(key), Hex(salt));
        var buffer = new byte[64];
        Hex(LibsrtpRtpPlain).CopyTo(buffer, 0);

        Assert.Equal(SrtpResult.Ok, sender.ProtectRtp(buffer, 28, out int length));

        Assert.Equal(Hex(srtp), buffer[..length]);
    }

    [Theory]
    [MemberData(nameof(LibsrtpVectors))]
    public void UnprotectRtp_LibsrtpReferencePacket_RestoresPlaintext(
        SrtpProfile profile, string key, string salt, string srtp, string srtcp)
    {
        _ = srtcp;
        using var receiver = new SrtpContext(profile, Hex(key), Hex(salt));

        var (result, plain) = UnprotectRtp(receiver, Hex(srtp));

        Assert.Equal(SrtpResult.Ok, result);
        Assert.Equal(Hex(LibsrtpRtpPlain), plain);
    }

    [Theory]
    [MemberData(nameof(LibsrtpVectors))]
    public void ProtectRtcp_LibsrtpReferencePacket_MatchesCiphertext(
        SrtpProfile profile, string key, string salt, string srtp, string srtcp)
    {
        _ = srtp;
        using var sender = new SrtpContext(profile, Hex(key), Hex(salt)) { InitialSrtcpIndex = 1 };
        var buffer = new byte[64];
        Hex(LibsrtpRtcpPlain).CopyTo(buffer, 0);

        Assert.Equal(SrtpResult.Ok, sender.ProtectRtcp(buffer, 24, out int length));

        Assert.Equal(Hex(srtcp), buffer[..length]);
    }

    [Theory]
    [MemberData(nameof(LibsrtpVectors))]
    public void UnprotectRtcp_LibsrtpReferencePacket_RestoresPlaintext(
        SrtpProfile profile, string key, string salt, string srtp, string srtcp)
    {
        _ = srtp;
        using var receiver = new SrtpContext(profile, Hex(key), Hex(salt));

        var (result, plain) = UnprotectRtcp(receiver, Hex(srtcp));

        Assert.Equal(SrtpResult.Ok, result);
        Assert.Equal(Hex(LibsrtpRtcpPlain), plain);
    }

    [Fact]
    public void ProtectRtp_HeaderExtension_LeavesExtensionClearAndEncryptsPayloadAfterIt()
    {
        // The RFC 6904 Appendix A plaintext (libsrtp srtp_validate_encrypted_extensions_headers): same key, SSRC and
        // SEQ as srtp_validate, plus a 24-octet one-byte-header extension. Without RFC 6904 the extension stays in
        // the clear and the payload keystream is the same as for srtp_validate, so the 16 payload octets must
        // encrypt to the same 4e55dc4c... as there.
        byte[] plain = Hex(
            "900f1234decafbadcafebabe BEDE0006 17414273A475262748220000C8308E46559963 86B395FB00" +
            "abababababababababababababababab");
        using var sender = new SrtpContext(
            SrtpProfile.AesCm128HmacSha1_80, Hex("e1f97a0d3e018be0d64fa32c06de4139"), Hex("0ec675ad498afeebb6960b3aabe6"));
        using var receiver = new SrtpContext(
            SrtpProfile.AesCm128HmacSha1_80, Hex("e1f97a0d3e018be0d64fa32c06de4139"), Hex("0ec675ad498afeebb6960b3aabe6"));
        var buffer = new byte[plain.Length + 10];
        plain.CopyTo(buffer, 0);

        Assert.Equal(SrtpResult.Ok, sender.ProtectRtp(buffer, plain.Length, out int length));

        Assert.Equal(plain.Length + 10, length);
        Assert.Equal(plain[..40], buffer[..40]);
        Assert.Equal(Hex("4e55dc4ce79978d88ca4d215949d2402"), buffer[40..56]);
        var (result, roundTrip) = UnprotectRtp(receiver, buffer[..length]);
        Assert.Equal(SrtpResult.Ok, result);
        Assert.Equal(plain, roundTrip);
    }

    // RFC 7714 §16.1 (RTP) and §17.1/§17.2 (RTCP) AEAD_AES_128_GCM vectors. They give the *session* key and salt
    // directly (no KDF); SSRC 0x5501a0b2, ROC 0, SEQ 0xf17b; SRTCP from SSRC "Mars" with index 0x5d4.
    // Byte strings as transcribed in pion/srtp srtp_cipher_aead_aes_gcm_rfc_test.go.
    private const string Rfc7714Key = "000102030405060708090a0b0c0d0e0f";
    private const string Rfc7714Salt = "517569642070726f2071756f";
    private const string Rfc7714RtpPlain =
        "8040f17b 8041f8d3 5501a0b2 47616c6c 69612065 7374206f 6d6e6973 20646976 69736120 696e2070 61727465 73207472 6573";
    private const string Rfc7714RtpProtected =
        "8040f17b 8041f8d3 5501a0b2 f24de3a3 fb34de6c acba861c 9d7e4bca be633bd5 0d294e6f 42a5f47a 51c7d19b 36de3adf " +
        "8833899d 7f27beb1 6a9152cf 765ee439 0cce";
    private const string Rfc7714RtcpPlain =
        "81c8000d 4d617273 4e545031 4e545032 52545020 0000042a 0000e930 4c756e61 deadbeef deadbeef deadbeef deadbeef deadbeef";
    private const string Rfc7714RtcpProtected =
        "81c8000d 4d617273 63e94885 dcdab67c a727d766 2f6b7e99 7ff5c0f7 6c06f32d c676a5f1 730d6fda 4ce09b46 86303ded " +
        "0bb9275b c84aa458 96cf4d2f c5abf872 45d9eade 800005d4";
    private const string Rfc7714RtcpAuthenticatedOnly =
        "81c8000d 4d617273 4e545031 4e545032 52545020 0000042a 0000e930 4c756e61 deadbeef deadbeef deadbeef deadbeef " +
        "deadbeef 841dd968 3dd78ec9 2ae58790 125f62b3 000005d4";

    private static SrtpContext Rfc7714Context(uint initialSrtcpIndex = 0) =>
        new(SrtpProfile.AeadAes128Gcm, new SrtpAesGcmCipher(Hex(Rfc7714Key), Hex(Rfc7714Salt), Hex(Rfc7714Key), Hex(Rfc7714Salt)), 4)
        {
            InitialSrtcpIndex = initialSrtcpIndex,
        };

    [Fact]
    public void ProtectRtp_Rfc7714Section16_MatchesCiphertextAndTag()
    {
        using var sender = Rfc7714Context();
        byte[] plain = Hex(Rfc7714RtpPlain);
        var buffer = new byte[plain.Length + 16];
        plain.CopyTo(buffer, 0);

        Assert.Equal(SrtpResult.Ok, sender.ProtectRtp(buffer, plain.Length, out int length));

        Assert.Equal(Hex(Rfc7714RtpProtected), buffer[..length]);
    }

    [Fact]
    public void UnprotectRtp_Rfc7714Section16_RestoresPlaintext()
    {
        using var receiver = Rfc7714Context();

        var (result, plain) = UnprotectRtp(receiver, Hex(Rfc7714RtpProtected));

        Assert.Equal(SrtpResult.Ok, result);
        Assert.Equal(Hex(Rfc7714RtpPlain), plain);
    }

    [Fact]
    public void ProtectRtcp_Rfc7714Section17_MatchesCiphertextTagAndIndex()
    {
        using var sender = Rfc7714Context(initialSrtcpIndex: 0x5d4);
        byte[] plain = Hex(Rfc7714RtcpPlain);
        var buffer = new byte[plain.Length + 20];
        plain.CopyTo(buffer, 0);

        Assert.Equal(SrtpResult.Ok, sender.ProtectRtcp(buffer, plain.Length, out int length));

        Assert.Equal(Hex(Rfc7714RtcpProtected), buffer[..length]);
    }

    [Theory]
    [InlineData(Rfc7714RtcpProtected)]
    [InlineData(Rfc7714RtcpAuthenticatedOnly)] // E = 0: authenticated, not encrypted (RFC 7714 §17.2)
    public void UnprotectRtcp_Rfc7714Section17_RestoresPlaintext(string protectedHex)
    {
        using var receiver = Rfc7714Context();

        var (result, plain) = UnprotectRtcp(receiver, Hex(protectedHex));

        Assert.Equal(SrtpResult.Ok, result);
        Assert.Equal(Hex(Rfc7714RtcpPlain), plain);
    }

    [Fact]
    public void UnprotectRtcp_Rfc7714AuthenticatedOnlyWithFlippedBody_FailsAuthentication()
    {
        using var receiver = Rfc7714Context();
        byte[] packet = Hex(Rfc7714RtcpAuthenticatedOnly);
        packet[20] ^= 0x01;

        Assert.Equal(SrtpResult.AuthenticationFailed, UnprotectRtcp(receiver, packet).Result);
    }
}
