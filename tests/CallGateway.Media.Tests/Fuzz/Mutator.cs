using System.Diagnostics;

namespace CallGateway.Media.Tests.Fuzz;

/// <summary>
/// A seeded, structure-agnostic mutational fuzzer for CI: bit flips, byte changes, insertions, deletions,
/// truncation, duplication of a slice, splicing two seeds, interesting values (0x00, 0xFF, 0x7F, 0x80, lengths).
/// The iteration count comes from CALLGATEWAY_FUZZ_ITERATIONS (default 25,000 per target).
/// </summary>
internal sealed class Mutator(IReadOnlyList<byte[]> seeds, int seed)
{
    private static readonly byte[] Interesting = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0xFE, 0x20, 0x0D, 0x0A, 0x3A];
    private readonly Random _random = new(seed);

    public static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable("CALLGATEWAY_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : 25_000;

    public byte[] Next()
    {
        var data = new List<byte>(seeds[_random.Next(seeds.Count)]);
        for (var steps = _random.Next(1, 6); steps > 0; steps--)
        {
            Mutate(data);
        }

        return [.. data];
    }

    /// <summary>Runs <paramref name="target"/> on every input; returns (iterations, slowest input time).</summary>
    public (int Iterations, TimeSpan Slowest) Run(Action<byte[]> target)
    {
        var slowest = TimeSpan.Zero;
        var count = Iterations;
        for (var i = 0; i < count; i++)
        {
            var input = Next();
            var started = Stopwatch.GetTimestamp();
            try
            {
                target(input);
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"iteration {i} crashed the target with {ex.GetType().Name}; input (hex, keep it as a regression test): {Convert.ToHexString(input)}", ex);
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            slowest = elapsed > slowest ? elapsed : slowest;
        }

        return (count, slowest);
    }

    private void Mutate(List<byte> data)
    {
        var position = data.Count == 0 ? 0 : _random.Next(data.Count);
        switch (_random.Next(8))
        {
            case 0 when data.Count > 0:
                data[position] ^= (byte)(1 << _random.Next(8));
                break;
            case 1 when data.Count > 0:
                data[position] = Interesting[_random.Next(Interesting.Length)];
                break;
            case 2:
                data.Insert(position, (byte)_random.Next(256));
                break;
            case 3 when data.Count > 0:
                data.RemoveAt(position);
                break;
            case 4 when data.Count > 0:
                data.RemoveRange(position, data.Count - position); // truncate
                break;
            case 5 when data.Count > 1:
                var length = _random.Next(1, Math.Min(64, data.Count - position) + 1);
                data.InsertRange(position, data.GetRange(position, Math.Min(length, data.Count - position))); // duplicate a slice
                break;
            case 6:
                var other = seeds[_random.Next(seeds.Count)];
                var from = _random.Next(other.Length + 1);
                data.InsertRange(position, other.Skip(from).Take(_random.Next(1, 128))); // splice
                break;
            default:
                if (data.Count > 0)
                {
                    data[position] = (byte)_random.Next(256);
                }

                break;
        }
    }
}
