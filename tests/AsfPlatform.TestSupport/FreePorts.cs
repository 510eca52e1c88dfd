using System.Net;
using System.Net.Sockets;

namespace AsfPlatform.TestSupport;

/// <summary>
/// Free loopback TCP ports for silos, gateways and servers started by tests. Test projects run in parallel on one
/// machine, so a test host never takes Orleans' default ports (11111, 30000); it asks the system for ports nobody holds.
/// </summary>
public static class FreePorts
{
    private static readonly object Gate = new();
    private static readonly HashSet<int> Handed = [];

    /// <summary>A port free a moment ago and not handed out before in this process.</summary>
    public static int Next() => Take(1)[0];

    /// <summary><paramref name="count"/> distinct ports that were free a moment ago (all held until every one is found).</summary>
    public static int[] Take(int count)
    {
        lock (Gate)
        {
            var listeners = new List<TcpListener>();
            try
            {
                var ports = new List<int>();
                while (ports.Count < count)
                {
                    var listener = new TcpListener(IPAddress.Loopback, 0);
                    listener.Start();
                    listeners.Add(listener);
                    var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                    if (Handed.Add(port)) ports.Add(port);
                }
                return [.. ports];
            }
            finally
            {
                foreach (var listener in listeners) listener.Stop();
            }
        }
    }

    /// <summary>Configuration settings giving a platform host or asf run a silo port and a gateway port of its own.</summary>
    public static IReadOnlyDictionary<string, string> ForSilo()
    {
        var ports = Take(2);
        return new Dictionary<string, string>
        {
            ["Orleans:SiloPort"] = ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
