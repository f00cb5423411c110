package org.homeinfusion.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeepAliveHttpUnitTests {

    private HttpServer server;
    private String base;
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/echo", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            byte[] request = exchange.getRequestBody().readAllBytes();
            String answer = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " key="
                    + exchange.getRequestHeaders().getFirst("Idempotency-Key") + " auth="
                    + exchange.getRequestHeaders().getFirst("Authorization") + " type="
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " body="
                    + new String(request, StandardCharsets.UTF_8);
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            // Length 0 makes the JDK server send the body chunked.
            exchange.sendResponseHeaders(201, "chunked".equals(exchange.getRequestURI().getQuery()) ? 0 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/silent", exchange -> {
            sleep(1_000);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void sendsMethodHeadersAndBodyAndReadsSizedAndChunkedAnswersOnOneKeptAliveSocket() throws IOException {
        try (KeepAliveHttp http = new KeepAliveHttp(Duration.ofSeconds(5))) {
            KeepAliveHttp.Response sized = http.exchange(new ApiCall("POST /echo", "POST", URI.create(base + "/echo"),
                    "Bearer t0k", "key-1", "{\"dose\":\"2 g\"}", 201));
            KeepAliveHttp.Response chunked = http.exchange(new ApiCall("PUT /echo", "PUT",
                    URI.create(base + "/echo?chunked"), null, null, "ünïcode", 201));
            KeepAliveHttp.Response empty = http.exchange(new ApiCall("DELETE /echo", "DELETE", URI.create(base + "/echo"),
                    null, null, null, 201));

            assertThat(sized.status()).isEqualTo(201);
            assertThat(sized.body()).isEqualTo("POST /echo key=key-1 auth=Bearer t0k type=application/json body={\"dose\":\"2 g\"}");
            assertThat(chunked.body()).isEqualTo("PUT /echo?chunked key=null auth=null type=application/json body=ünïcode");
            assertThat(empty.body()).isEqualTo("DELETE /echo key=null auth=null type=null body=");
            assertThat(clientPorts).hasSize(3).containsOnly(clientPorts.get(0));
        }
    }

    @Test
    void aSocketTheServerClosedMeanwhileIsReplacedAndTheCallStillAnswered() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket oneAnswerPerSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                KeepAliveHttp http = new KeepAliveHttp(Duration.ofSeconds(5))) {
            Thread serving = new Thread(() -> answerOnceThenClose(oneAnswerPerSocket, connections));
            serving.setDaemon(true);
            serving.start();
            URI uri = URI.create("http://127.0.0.1:" + oneAnswerPerSocket.getLocalPort() + "/health");
            ApiCall call = new ApiCall("GET /health", "GET", uri, null, null, null, 200);

            assertThat(http.exchange(call).body()).isEqualTo("ok");
            Thread.sleep(100);
            assertThat(http.exchange(call).body()).isEqualTo("ok");
            assertThat(connections.get()).isEqualTo(2);
        }
    }

    @Test
    void aServerSilentForLongerThanTheTimeoutIsATimeout() {
        try (KeepAliveHttp http = new KeepAliveHttp(Duration.ofMillis(200))) {
            assertThatThrownBy(() -> http.exchange(new ApiCall("GET /silent", "GET", URI.create(base + "/silent"), null,
                    null, null, 204))).isInstanceOf(SocketTimeoutException.class);
        }
    }

    /** Answers one request per socket, keep-alive style (no "Connection: close"), and then closes the socket anyway. */
    private static void answerOnceThenClose(ServerSocket server, AtomicInteger connections) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                connections.incrementAndGet();
                InputStream in = socket.getInputStream();
                int matched = 0;
                while (matched < 4) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
                }
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
