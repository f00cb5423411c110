package org.homeinfusion.benchmark.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Just enough HTTP/1.1 for the load generator: plain-text requests on kept-alive sockets, one exchange per socket at a
 * time, read on the calling thread. The JDK {@code HttpClient} took ≈ 13 % of a core at 50 cases/s on the machine it
 * was measuring (a selector thread and several thread hand-offs per call); a blocking exchange on a pooled socket costs
 * one write and one or two reads. Responses may be sized by {@code Content-Length}, chunked, or end at close.
 */
final class KeepAliveHttp implements Closeable {

    /** A status and body as received. */
    record Response(int status, String body) {
    }

    /** Idle sockets older than this are closed rather than reused: the server may have closed its end. */
    private static final long MAX_IDLE_NANOS = Duration.ofSeconds(10).toNanos();
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final Map<String, Deque<Connection>> idle = new ConcurrentHashMap<>();
    private final int timeoutMillis;
    private volatile boolean closed;

    KeepAliveHttp(Duration timeout) {
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }

    /**
     * Sends the call and waits for its response. A reused socket that the server had already closed fails before
     * any byte of a response arrives; the request is then sent once more on a new socket, since the server never read it.
     *
     * @throws SocketTimeoutException when the server is silent for the timeout
     * @throws IOException                     when the exchange fails otherwise
     */
    Response exchange(ApiCall call) throws IOException {
        String authority = authority(call.uri());
        byte[] request = encode(call, authority);
        Connection connection = borrow(authority);
        boolean reused = connection != null;
        if (connection == null) {
            connection = Connection.open(call.uri(), timeoutMillis);
        }
        while (true) {
            try {
                Response response = connection.exchange(request);
                if (connection.reusable && !closed) {
                    idle.computeIfAbsent(authority, key -> new ConcurrentLinkedDeque<>()).push(connection.touch());
                } else {
                    connection.close();
                }
                return response;
            } catch (StaleConnectionException stale) {
                connection.close();
                if (!reused) {
                    throw stale;
                }
                reused = false;
                connection = Connection.open(call.uri(), timeoutMillis);
            } catch (IOException | RuntimeException failure) {
                connection.close();
                throw failure;
            }
        }
    }

    private Connection borrow(String authority) {
        Deque<Connection> pool = idle.get(authority);
        if (pool == null) {
            return null;
        }
        Connection connection;
        while ((connection = pool.poll()) != null) {
            if (System.nanoTime() - connection.lastUsedNanos < MAX_IDLE_NANOS) {
                return connection;
            }
            connection.close();
        }
        return null;
    }

    @Override
    public void close() {
        closed = true;
        idle.values().forEach(pool -> {
            Connection connection;
            while ((connection = pool.poll()) != null) {
                connection.close();
            }
        });
    }

    private static String authority(URI uri) {
        return uri.getHost() + ":" + port(uri);
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : 80;
    }

    static byte[] encode(ApiCall call, String authority) {
        byte[] body = call.body() == null ? null : call.body().getBytes(StandardCharsets.UTF_8);
        String target = call.uri().getRawPath() == null || call.uri().getRawPath().isEmpty() ? "/" : call.uri().getRawPath();
        if (call.uri().getRawQuery() != null) {
            target += "?" + call.uri().getRawQuery();
        }
        StringBuilder head = new StringBuilder(256)
                .append(call.method()).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(authority).append("\r\n")
                .append("Accept: application/json, application/problem+json\r\n");
        if (call.bearer() != null) {
            head.append("Authorization: ").append(call.bearer()).append("\r\n");
        }
        if (call.idempotencyKey() != null) {
            head.append("Idempotency-Key: ").append(call.idempotencyKey()).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        } else if (!"GET".equals(call.method()) && !"HEAD".equals(call.method())) {
            head.append("Content-Length: 0\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body == null) {
            return headBytes;
        }
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    /** The server closed the socket before answering: on a reused socket, the request was never read. */
    private static final class StaleConnectionException extends IOException {

        StaleConnectionException(IOException cause) {
            super("connection closed before any response", cause);
        }
    }

    private static final class Connection {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private boolean reusable = true;
        private long lastUsedNanos;

        private Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.out = socket.getOutputStream();
        }

        static Connection open(URI uri, int timeoutMillis) throws IOException {
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(timeoutMillis);
                socket.connect(new InetSocketAddress(uri.getHost(), port(uri)), CONNECT_TIMEOUT_MILLIS);
                return new Connection(socket);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }

        Connection touch() {
            lastUsedNanos = System.nanoTime();
            return this;
        }

        Response exchange(byte[] request) throws IOException {
            int first;
            try {
                out.write(request);
                out.flush();
                first = in.read();
            } catch (SocketTimeoutException slow) {
                throw slow;
            } catch (IOException reset) {
                // A closed peer shows as a reset as often as an end of stream.
                throw new StaleConnectionException(reset);
            }
            if (first < 0) {
                throw new StaleConnectionException(null);
            }
            String statusLine = line(first);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.x response: " + statusLine);
            }
            int status;
            try {
                status = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("bad status line: " + statusLine, e);
            }
            long contentLength = -1;
            boolean chunked = false;
            reusable = !parts[0].equals("HTTP/1.0");
            String header;
            while (!(header = line(in.read())).isEmpty()) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> contentLength = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> reusable = reusable && !value.equalsIgnoreCase("close");
                    default -> {
                    }
                }
            }
            byte[] body;
            if (chunked) {
                body = readChunked();
            } else if (contentLength >= 0) {
                body = in.readNBytes((int) contentLength);
                if (body.length < contentLength) {
                    throw new EOFException("response body ended early");
                }
            } else if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
                body = new byte[0];
            } else {
                body = in.readAllBytes();
                reusable = false;
            }
            return new Response(status, new String(body, StandardCharsets.UTF_8));
        }

        private byte[] readChunked() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = line(in.read());
                int extension = sizeLine.indexOf(';');
                int size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
                if (size == 0) {
                    while (!line(in.read()).isEmpty()) {
                        // trailers, ignored
                    }
                    return body.toByteArray();
                }
                byte[] chunk = in.readNBytes(size);
                if (chunk.length < size) {
                    throw new EOFException("chunk ended early");
                }
                body.write(chunk);
                line(in.read());
            }
        }

        /** One CRLF-terminated line (ISO-8859-1), {@code first} being its first byte, already read. */
        private String line(int first) throws IOException {
            StringBuilder line = new StringBuilder(64);
            int b = first;
            while (true) {
                if (b < 0) {
                    throw new EOFException("connection closed inside a response");
                }
                if (b == '\n') {
                    int end = line.length();
                    if (end > 0 && line.charAt(end - 1) == '\r') {
                        line.setLength(end - 1);
                    }
                    return line.toString();
                }
                line.append((char) b);
                b = in.read();
            }
        }

        void close() {
            reusable = false;
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
