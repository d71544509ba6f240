using System.Net;
using System.Net.Sockets;

namespace Fairshare.Testnet;

/// <summary>Free TCP ports on 127.0.0.1, chosen by the system (bind port 0, read it, release it), never the same twice.</summary>
public sealed class FreePorts
{
    private readonly HashSet<int> _given = [];

    /// <summary>A port that was free a moment ago and that this instance has not handed out before.</summary>
    public int Next()
    {
        for (int attempt = 0; attempt < 100; attempt++)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            if (_given.Add(port)) return port;
        }

        throw new InvalidOperationException("the system keeps handing out the same ports");
    }
}
