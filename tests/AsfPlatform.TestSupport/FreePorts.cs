using System.Net;
using System.Net.Sockets;

namespace AsfPlatform.TestSupport;

/// <summary>
/// Free loopback TCP ports for a silo in a test. Test projects run in parallel on one machine, so a test host never
/// takes Orleans' default ports (11111, 30000); it asks the system for ports nobody holds.
/// </summary>
public static class FreePorts
{
    /// <summary><paramref name="count"/> distinct ports that were free a moment ago (all held until every one is found).</summary>
    public static int[] Take(int count)
    {
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners) listener.Stop();
        }
    }
}
