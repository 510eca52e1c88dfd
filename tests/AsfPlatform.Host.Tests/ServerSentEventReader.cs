namespace AsfPlatform.Host.Tests;

/// <summary>Reads a Server-Sent Events stream one event at a time, the way a browser's EventSource does.</summary>
public static class ServerSentEventReader
{
    public static async Task<(string Name, string Data)> ReadEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? name = null, data = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0 && data is not null)
                return (name ?? "message", data);
            if (line.StartsWith("event: ", StringComparison.Ordinal))
                name = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
                data = line["data: ".Length..];
        }
        throw new EndOfStreamException("The event stream ended.");
    }
}
