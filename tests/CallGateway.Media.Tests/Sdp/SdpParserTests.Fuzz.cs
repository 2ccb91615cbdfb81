using System.Text;
using CallGateway.Media.Sdp;

namespace CallGateway.Media.Tests.Sdp;

public partial class SdpParserTests
{
    private const string MutationAlphabet = " :=/.\r\n\0\t-+#abcmostvx0123456789é\u2028";

    /// <summary>
    /// Seeded mutation fuzzing over the whole corpus: the parser, writer, extractor and both negotiators never throw;
    /// whatever the parser accepts writes back to text that parses to the same model (round-trip property).
    /// </summary>
    [Fact]
    public void TryParse_SeededMutationsOfCorpus_NeverThrowAndRoundTrip()
    {
        var random = new Random(8866);
        var corpus = SdpTestData.All().Select(e => e.Text).ToArray();
        var local = TestLocal.Create();
        int accepted = 0, rejected = 0, extracted = 0, answered = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = Mutate(corpus[random.Next(corpus.Length)], random);
            if (!SdpParser.TryParse(text, out var sdp, out var error))
            {
                rejected++;
                Assert.False(string.IsNullOrEmpty(error));
                continue;
            }

            accepted++;
            var written = SdpWriter.Write(sdp);
            Assert.True(SdpParser.TryParse(written, out var again, out error), error);
            SdpModelAssert.Equal(sdp, again);
            Assert.Equal(written, SdpWriter.Write(again));
            extracted += RemoteMediaParameters.TryExtract(sdp, out _, out _) ? 1 : 0;
            if (AudioAnswerBuilder.TryBuild(sdp, local, out var answer, out _, out _))
            {
                answered++;
                Assert.True(SdpParser.TryParse(SdpWriter.Write(answer), out _, out error), error);
            }

            AudioAnswerNegotiator.TryNegotiate(sdp, local, out _, out _);
        }

        Assert.True(rejected > 2_000, $"rejected {rejected}");
        Assert.True(accepted > 2_000, $"accepted {accepted}");
        Assert.True(extracted > 1_000, $"extracted {extracted}");
        Assert.True(answered > 1_000, $"answered {answered}");
    }

    private static string Mutate(string text, Random random)
    {
        var sb = new StringBuilder(text);
        for (var edits = random.Next(1, 4); edits > 0 && sb.Length > 0; edits--)
        {
            var at = random.Next(sb.Length);
            switch (random.Next(8))
            {
                case 0: sb[at] = MutationAlphabet[random.Next(MutationAlphabet.Length)]; break;
                case 1: sb.Remove(at, 1); break;
                case 2: sb.Insert(at, MutationAlphabet[random.Next(MutationAlphabet.Length)]); break;
                case 3: sb.Length = at; break;
                case 4: sb.Insert(at, "99999999999999999999999"); break;
                default: MutateLines(sb, random); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Deletes, duplicates or swaps whole lines, which keeps most lines valid and reaches deeper code.</summary>
    private static void MutateLines(StringBuilder sb, Random random)
    {
        var lines = sb.ToString().Split("\r\n").ToList();
        var a = random.Next(lines.Count);
        var b = random.Next(lines.Count);
        switch (random.Next(3))
        {
            case 0: lines.RemoveAt(a); break;
            case 1: lines.Insert(b, lines[a]); break;
            default: (lines[a], lines[b]) = (lines[b], lines[a]); break;
        }

        sb.Clear().Append(string.Join("\r\n", lines));
    }
}
