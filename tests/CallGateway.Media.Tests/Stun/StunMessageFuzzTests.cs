using CallGateway.Media.Stun;

namespace CallGateway.Media.Tests.Stun;

public class StunMessageFuzzTests
{
    private const int Iterations = 20_000;

    public static TheoryData<string> Sections => new() { "2.1", "2.2", "2.3", "2.4" };

    [Theory]
    [MemberData(nameof(Sections))]
    public void TryParse_SeededMutationsOfRfc5769Vectors_NeverThrows(string section)
    {
        byte[] seed = Rfc5769Vectors.Get(section);
        var random = new Random(5769 + section.GetHashCode(StringComparison.Ordinal));
        int parsedCount = 0;
        for (int i = 0; i < Iterations; i++)
        {
            byte[] mutated = Mutate(seed, random);
            if (StunMessage.TryParse(mutated, out StunMessage? message))
            {
                parsedCount++;
                ExerciseAccessors(message);
            }
        }

        // The mutator keeps many inputs well formed, so the accessors really are exercised.
        Assert.InRange(parsedCount, 1, Iterations - 1);
    }

    [Fact]
    public void TryParse_RandomBytesWithStunHeader_NeverThrows()
    {
        var random = new Random(8489);
        for (int i = 0; i < Iterations; i++)
        {
            var bytes = new byte[20 + (4 * random.Next(0, 40))];
            random.NextBytes(bytes);
            bytes[0] &= 0x3F;
            bytes[2] = (byte)((bytes.Length - 20) >> 8);
            bytes[3] = (byte)(bytes.Length - 20);
            bytes[4] = 0x21;
            bytes[5] = 0x12;
            bytes[6] = 0xA4;
            bytes[7] = 0x42;
            if (StunMessage.TryParse(bytes, out StunMessage? message))
            {
                ExerciseAccessors(message);
            }
        }
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        byte[] copy = (byte[])seed.Clone();
        int edits = random.Next(1, 4);
        for (int e = 0; e < edits && copy.Length > 0; e++)
        {
            switch (random.Next(4))
            {
                case 0:
                    copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    copy[random.Next(copy.Length)] = (byte)random.Next(256);
                    break;
                case 2:
                    Array.Resize(ref copy, random.Next(copy.Length + 1));
                    break;
                default:
                    // Change an attribute-length-sized field somewhere past the header.
                    if (copy.Length > 24)
                    {
                        int at = 20 + (4 * random.Next((copy.Length - 20) / 4));
                        copy[Math.Min(at + 3, copy.Length - 1)] = (byte)random.Next(256);
                    }

                    break;
            }
        }

        return copy;
    }

    private static void ExerciseAccessors(StunMessage message)
    {
        _ = message.VerifyMessageIntegrity("key"u8);
        _ = message.VerifyFingerprint();
        _ = message.TryGetUsername(out _);
        _ = message.TryGetSoftware(out _);
        _ = message.TryGetPriority(out _);
        _ = message.TryGetIceControlled(out _);
        _ = message.TryGetIceControlling(out _);
        _ = message.TryGetXorMappedAddress(out _);
        _ = message.TryGetMappedAddress(out _);
        _ = message.TryGetErrorCode(out _);
        _ = message.TryGetUnknownAttributes(out _);
        Span<StunAttributeType> unknown = stackalloc StunAttributeType[8];
        _ = message.CollectUnknownComprehensionRequired([], unknown);
    }
}
