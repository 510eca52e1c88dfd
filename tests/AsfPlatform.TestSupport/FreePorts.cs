using System.Net;
using System.Net.Sockets;

namespace AsfPlatform.TestSupport;

/// <summary>
/// Loopback ports nobody listens on, for silos and gateways started by tests: test projects run in parallel, so a
/// fixed port (Orleans' 11111/30000) would make two of them collide.
/// </summary>
public static class FreePorts
{
    private static readonly object Gate = new();
    private static readonly HashSet<int> Handed = [];

    /// <summary>A port free now and not handed out before in this process.</summary>
    public static int Next()
    {
        lock (Gate)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (Handed.Add(port)) return port;
            }
        }
    }

    /// <summary>Configuration settings giving a platform host or asf run a silo port and a gateway port of its own.</summary>
    public static IReadOnlyDictionary<string, string> ForSilo() => new Dictionary<string, string>
    {
        ["Orleans:SiloPort"] = Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans:GatewayPort"] = Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
