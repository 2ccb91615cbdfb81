using CallGateway.Media.Dtls;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace CallGateway.Media.Tests.Dtls;

/// <summary>The use_srtp and certificate rules, exercised without a network (RFC 5764 §4.1, RFC 8827 §6.5).</summary>
public class DtlsHandshakePolicyTests
{
    private static readonly DtlsCertificate Local = DtlsCertificate.Generate("local");
    private static readonly DtlsCertificate Remote = DtlsCertificate.Generate("remote");

    [Fact]
    public void CreateSrtpOffer_ListsOurProfilesInOrder_WithEmptyMki()
    {
        UseSrtpData offer = CreatePolicy().CreateSrtpOffer();

        Assert.Equal([7, 1], offer.ProtectionProfiles);
        Assert.Empty(offer.Mki);
    }

    [Theory]
    [InlineData(new[] { 1, 7 }, 7)] // our preference wins over the client's order
    [InlineData(new[] { 1 }, 1)]
    [InlineData(new[] { 2, 1, 8 }, 1)] // unknown/unsupported ids are skipped
    public void SelectSrtpProfile_CommonProfile_AnswersExactlyOneWithEmptyMki(int[] offered, int expected)
    {
        DtlsHandshakePolicy policy = CreatePolicy();

        UseSrtpData answer = policy.SelectSrtpProfile(Extensions(offered, mki: [1, 2]));

        Assert.Equal([expected], answer.ProtectionProfiles);
        Assert.Empty(answer.Mki);
        Assert.Equal((DtlsSrtpProfile)expected, policy.SelectedProfile);
    }

    [Fact]
    public void SelectSrtpProfile_NothingInCommonOrMissing_FailsWithHandshakeFailure()
    {
        DtlsHandshakePolicy policy = CreatePolicy();

        TlsFatalAlert none = Assert.Throws<TlsFatalAlert>(() => policy.SelectSrtpProfile(Extensions([2, 8])));
        TlsFatalAlert missing = Assert.Throws<TlsFatalAlert>(() => CreatePolicy().SelectSrtpProfile(new Dictionary<int, byte[]>()));

        Assert.Equal(AlertDescription.handshake_failure, none.AlertDescription);
        Assert.Equal(AlertDescription.handshake_failure, missing.AlertDescription);
        Assert.Equal(DtlsFailureReason.NoCommonSrtpProfile, policy.LocalFailure);
    }

    [Theory]
    [InlineData(new[] { 7, 1 }, false)] // more than one profile selected
    [InlineData(new[] { 2 }, false)] // a profile we did not offer
    [InlineData(new[] { 1 }, true)] // MKI must be empty in WebRTC
    public void AcceptSrtpSelection_InvalidAnswer_FailsWithIllegalParameter(int[] selected, bool withMki)
    {
        DtlsHandshakePolicy policy = CreatePolicy();

        TlsFatalAlert error = Assert.Throws<TlsFatalAlert>(() =>
            policy.AcceptSrtpSelection(Extensions(selected, withMki ? [9] : [])));

        Assert.Equal(AlertDescription.illegal_parameter, error.AlertDescription);
        Assert.Equal(DtlsFailureReason.NoCommonSrtpProfile, policy.LocalFailure);
        Assert.Null(policy.SelectedProfile);
    }

    [Fact]
    public void AcceptSrtpSelection_ValidAnswer_RecordsProfile()
    {
        DtlsHandshakePolicy policy = CreatePolicy();

        policy.AcceptSrtpSelection(Extensions([1]));

        Assert.Equal(DtlsSrtpProfile.AesCm128HmacSha1_80, policy.SelectedProfile);
    }

    [Fact]
    public void VerifyPeerCertificate_MatchingOrNot_AcceptsOrRaisesBadCertificate()
    {
        var crypto = new BcTlsCrypto();

        CreatePolicy().VerifyPeerCertificate(Remote.CreateChain(crypto));

        DtlsHandshakePolicy wrong = CreatePolicy();
        TlsFatalAlert mismatch = Assert.Throws<TlsFatalAlert>(() => wrong.VerifyPeerCertificate(Local.CreateChain(crypto)));
        Assert.Equal(AlertDescription.bad_certificate, mismatch.AlertDescription);
        Assert.Equal(DtlsFailureReason.FingerprintMismatch, wrong.LocalFailure);

        DtlsHandshakePolicy empty = CreatePolicy();
        TlsFatalAlert none = Assert.Throws<TlsFatalAlert>(() => empty.VerifyPeerCertificate(Certificate.EmptyChain));
        Assert.Equal(AlertDescription.bad_certificate, none.AlertDescription);
        Assert.Equal(DtlsFailureReason.NoPeerCertificate, empty.LocalFailure);
    }

    private static DtlsHandshakePolicy CreatePolicy() =>
        new(DtlsRole.Server, Local, [Remote.Fingerprint], new DtlsOptions());

    private static Dictionary<int, byte[]> Extensions(int[] profiles, byte[]? mki = null)
    {
        var extensions = new Dictionary<int, byte[]>();
        TlsSrtpUtilities.AddUseSrtpExtension(extensions, new UseSrtpData(profiles, mki ?? []));
        return extensions;
    }
}
