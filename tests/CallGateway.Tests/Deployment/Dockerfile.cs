using System.Text.Json;

namespace CallGateway.Tests.Deployment;

/// <summary>
/// Just enough of a Dockerfile reader to check the image against what the tests run: instructions (continuations
/// joined, comments dropped) grouped by stage.
/// </summary>
internal sealed class Dockerfile
{
    private Dockerfile(IReadOnlyList<Stage> stages) => Stages = stages;

    public IReadOnlyList<Stage> Stages { get; }

    /// <summary>The stage `docker build` produces without --target.</summary>
    public Stage Final => Stages[^1];

    public Stage this[string name] => Stages.Single(s => s.Name == name);

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CallGateway.sln")) && File.Exists(Path.Combine(dir.FullName, "Dockerfile")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Repository root (CallGateway.sln next to a Dockerfile) not found above " + AppContext.BaseDirectory);
        }
    }

    public static Dockerfile Load() => Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "Dockerfile")));

    public static Dockerfile Parse(string text)
    {
        var stages = new List<Stage>();
        foreach (var (keyword, arguments) in Instructions(text))
        {
            if (keyword == "FROM")
            {
                var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                stages.Add(new Stage(parts[0], parts.Length >= 3 && parts[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? parts[2] : null));
            }
            else if (stages.Count > 0)
            {
                stages[^1].Instructions.Add((keyword, arguments));
            }
        }

        return new Dockerfile(stages);
    }

    private static IEnumerable<(string Keyword, string Arguments)> Instructions(string text)
    {
        var current = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }

            current += line;
            if (current.Trim().Length > 0)
            {
                var trimmed = current.Trim();
                var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
                yield return space < 0 ? (trimmed.ToUpperInvariant(), "") : (trimmed[..space].ToUpperInvariant(), trimmed[(space + 1)..].Trim());
            }

            current = "";
        }
    }

    public sealed class Stage(string image, string? name)
    {
        public string Image { get; } = image;

        public string? Name { get; } = name;

        public List<(string Keyword, string Arguments)> Instructions { get; } = [];

        public IEnumerable<string> All(string keyword) => Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);

        /// <summary>ENV of this stage (KEY=value pairs; values here have no spaces).</summary>
        public Dictionary<string, string> Environment() =>
            All("ENV").SelectMany(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "", StringComparer.Ordinal);

        /// <summary>The HEALTHCHECK's CMD in exec form, and its options.</summary>
        public (string[] Command, string Options) HealthCheck()
        {
            var healthcheck = All("HEALTHCHECK").Single();
            var cmd = healthcheck.IndexOf("CMD [", StringComparison.Ordinal);
            return (JsonSerializer.Deserialize<string[]>(healthcheck[(cmd + 4)..])!, healthcheck[..cmd].Trim());
        }
    }
}
