using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ScRepro.Testing;

/// <summary>A request as the raw server saw it.</summary>
public sealed record RawRequest(int Index, string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body = "")
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>
/// An HTTP/1.1 server on raw sockets (127.0.0.1, ephemeral port) that does exactly what each test tells it,
/// including what a real server must not do: cut connections, lie about Content-Length, stall, ignore Range.
/// One request per connection (every response says Connection: close).
/// </summary>
public sealed class RawHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Action<RawRequest, RawResponse> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<RawRequest> _requests = [];

    public RawHttpServer(Action<RawRequest, RawResponse> handler)
    {
        _handler = handler;
        _listener.Start();
        new Thread(AcceptLoop) { IsBackground = true, Name = "raw-http" }.Start();
    }

    public Uri Url(string path) => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{path}");

    /// <summary>Released when the server is disposed: stalling handlers wait on it.</summary>
    public WaitHandle Stopped => _stop.Token.WaitHandle;

    public IReadOnlyList<RawRequest> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    /// <summary>
    /// The requests once at least <paramref name="count"/> have arrived, or what arrived within
    /// <paramref name="timeout"/>. A client that gave up (a timeout test) can return before the server's thread for its
    /// last connection has read that request, so counting right after the client returns would race.
    /// </summary>
    public IReadOnlyList<RawRequest> WaitForRequests(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_requests)
        {
            while (_requests.Count < count)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !Monitor.Wait(_requests, left)) break;
            }
            return [.. _requests];
        }
    }

    private void AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = _listener.AcceptTcpClient(); }
            catch (SocketException) { return; }
            catch (ObjectDisposedException) { return; }
            new Thread(() => Serve(client)) { IsBackground = true }.Start();
        }
    }

    private void Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = ReadHead(stream);
                if (head is null) return;
                var lines = head.Split("\r\n");
                var parts = lines[0].Split(' ');
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var line in lines.Skip(1).Where(l => l.Contains(':')))
                    headers[line[..line.IndexOf(':')].Trim()] = line[(line.IndexOf(':') + 1)..].Trim();
                // A body only where the client declared one (a POST such as the Hub's paths-info), at most 1 MiB.
                var body = headers.TryGetValue("Content-Length", out var cl) && int.TryParse(cl, out var n) && n > 0 ? ReadBody(stream, n) : "";
                RawRequest request;
                lock (_requests)
                {
                    request = new RawRequest(_requests.Count, parts[0], parts[1], headers, body);
                    _requests.Add(request);
                    Monitor.PulseAll(_requests);
                }
                _handler(request, new RawResponse(client, stream));
            }
            catch (IOException) { }       // the client gave up (timeout tests): nothing to do
            catch (SocketException) { }
            catch (ObjectDisposedException) { }
        }
    }

    private static string ReadBody(NetworkStream stream, int length)
    {
        var buffer = new byte[Math.Min(length, 1 << 20)];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0) break;
            read += n;
        }
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static string? ReadHead(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (stream.Read(one, 0, 1) == 1)
        {
            bytes.Add(one[0]);
            if (bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n')
                return Encoding.ASCII.GetString(bytes.ToArray(), 0, bytes.Count - 4);
        }
        return null;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}

/// <summary>Writes a response by hand: status line, headers, body bytes, or a rude end.</summary>
public sealed class RawResponse(TcpClient client, NetworkStream stream)
{
    /// <summary>The connection's stream, for fakes that write whole responses themselves.</summary>
    public NetworkStream Stream => stream;

    public void Head(int status, string reason, params (string Name, string Value)[] headers)
    {
        var text = new StringBuilder($"HTTP/1.1 {status} {reason}\r\n");
        foreach (var (name, value) in headers) text.Append(name).Append(": ").Append(value).Append("\r\n");
        text.Append("Connection: close\r\n\r\n");
        stream.Write(Encoding.ASCII.GetBytes(text.ToString()));
        stream.Flush();
    }

    public void Body(ReadOnlySpan<byte> bytes)
    {
        stream.Write(bytes);
        stream.Flush();
    }

    /// <summary>A complete response with <paramref name="status"/> and a typed body (API fakes: JSON, BibTeX, errors).</summary>
    public void Send(int status, string reason, byte[] body, string contentType)
    {
        Head(status, reason, ("Content-Length", body.Length.ToString()), ("Content-Type", contentType));
        Body(body);
    }

    /// <summary>A complete 200 response.</summary>
    public void Ok(byte[] body)
    {
        Head(200, "OK", ("Content-Length", body.Length.ToString()), ("Content-Type", "application/octet-stream"));
        Body(body);
    }

    /// <summary>A 206 response for the bytes from <paramref name="from"/> to the end.</summary>
    public void Partial(byte[] body, long from)
    {
        Head(206, "Partial Content", ("Content-Length", (body.Length - from).ToString()),
            ("Content-Range", $"bytes {from}-{body.Length - 1}/{body.Length}"));
        Body(body.AsSpan((int)from));
    }

    /// <summary>Resets the connection (RST), as a dropped link or a killed server does.</summary>
    public void Cut()
    {
        client.Client.LingerState = new LingerOption(true, 0);
        client.Client.Close();
    }
}
