using System.Reflection;
using System.Text.Json;

namespace AsfPlatform.Dataset;

/// <summary>Where the dataset's files come from: the embedded copy (default) or a data/ directory.</summary>
public abstract class DatasetSource
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>The copy embedded in this assembly at build time.</summary>
    public static DatasetSource Embedded { get; } = new EmbeddedSource();

    /// <summary>A data/ directory on disk (for editing the dataset without rebuilding).</summary>
    public static DatasetSource FromDirectory(string path) => new DirectorySource(path);

    /// <summary>Relative paths ('/'-separated) of all files.</summary>
    public abstract IReadOnlyList<string> Files { get; }

    protected abstract Stream Open(string path);

    public T Read<T>(string path)
    {
        using var stream = Open(path);
        try
        {
            return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"{path} är tom.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: ogiltig JSON ({e.Message})", e);
        }
    }

    private sealed class EmbeddedSource : DatasetSource
    {
        private static readonly Assembly Assembly = typeof(EmbeddedSource).Assembly;
        public override IReadOnlyList<string> Files { get; } =
            Assembly.GetManifestResourceNames().Where(n => n.StartsWith("data/", StringComparison.Ordinal))
                .Select(n => n["data/".Length..].Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        protected override Stream Open(string path) =>
            Assembly.GetManifestResourceStream("data/" + path) ?? throw new FileNotFoundException(path);
    }

    private sealed class DirectorySource(string root) : DatasetSource
    {
        public override IReadOnlyList<string> Files { get; } =
            Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        protected override Stream Open(string path) => File.OpenRead(Path.Combine(root, path));
    }
}
