package dev.pacer.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * HTTP/1.1 on a plain socket, for what well-behaved clients never send: a {@code Content-Length} the
 * body never fills, a chunked body without end, a body dripped byte by byte. The response is read while
 * the body is still being written, so an early answer (a 413 before the body is read) is seen even when
 * the server then closes the connection under the writer.
 */
public final class RawHttp {

    /**
     * What a server answered; {@code status} 0 when the connection ended without a status line.
     * {@code closedAfter}: when the server closed the connection (counted from the start), null when it
     * had not by the timeout.
     */
    public record Response(int status, Map<String, String> headers, String body, Duration took, Duration closedAfter) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Writes a request body; may stop early when the server closed the connection. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out, CompletableFuture<Response> answered) throws IOException, InterruptedException;
    }

    private RawHttp() {
    }

    /**
     * Sends {@code method path} with {@code headers} (a {@code Host} and {@code Connection: close} are
     * added) and {@code body}, and waits up to {@code timeout} for the answer.
     */
    public static Response send(String host, int port, String method, String path, Map<String, String> headers,
                                Body body, Duration timeout) {
        return send(null, host, port, method, path, headers, body, timeout);
    }

    /** As {@link #send(String, int, String, String, Map, Body, Duration)}, over TLS when {@code tls} is not null. */
    public static Response send(SSLContext tls, String host, int port, String method, String path,
                                Map<String, String> headers, Body body, Duration timeout) {
        long start = System.nanoTime();
        try (Socket socket = connect(tls, host, port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            head.append("Host: ").append(host).append(':').append(port).append("\r\n");
            head.append("Connection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            CompletableFuture<Response> answered = new CompletableFuture<>();
            CompletableFuture<Duration> closed = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                answered.complete(read(socket, start));
                closed.complete(untilClosed(socket, start));
            }, "raw-http-reader");
            reader.setDaemon(true);
            reader.start();
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                body.write(out, answered);
                out.flush();
            } catch (IOException e) {
                // the server closed the connection under the body: its answer (if any) is being read
            }
            Response response = answered.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long left = Math.max(1, timeout.toMillis() - since(start).toMillis());
            Duration closedAfter = closed.completeOnTimeout(null, left, TimeUnit.MILLISECONDS).get();
            return new Response(response.status(), response.headers(), response.body(), response.took(), closedAfter);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no answer from " + host + ":" + port + " within " + timeout, e);
        }
    }

    private static Socket connect(SSLContext tls, String host, int port) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(host, port), 2000);
        if (tls == null) {
            return plain;
        }
        SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true);
        secure.startHandshake();
        return secure;
    }

    /** No body at all. */
    public static Body none() {
        return (out, answered) -> { };
    }

    /** {@code bytes} as they are (the caller sets {@code Content-Length}, truthfully or not). */
    public static Body bytes(byte[] bytes) {
        return (out, answered) -> out.write(bytes);
    }

    /**
     * A chunked body of {@code total} bytes of {@code fill} in chunks of {@code chunkSize}, ended properly;
     * stops as soon as the server answered. The caller sets {@code Transfer-Encoding: chunked}.
     */
    public static Body chunked(long total, int chunkSize, byte fill) {
        return (out, answered) -> {
            byte[] chunk = new byte[chunkSize];
            Arrays.fill(chunk, fill);
            long sent = 0;
            while (sent < total && !answered.isDone()) {
                int n = (int) Math.min(chunkSize, total - sent);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(chunk, 0, n);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                sent += n;
            }
            if (!answered.isDone()) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
        };
    }

    /** {@code bytes} one byte every {@code pause}, until all are sent or the server answered. */
    public static Body drip(byte[] bytes, Duration pause) {
        return drip(bytes, pause, true);
    }

    /**
     * {@code bytes} one byte every {@code pause}; with {@code stopWhenAnswered} false it goes on after the
     * answer until every byte is sent or the server closed the connection (what a hostile client does).
     */
    public static Body drip(byte[] bytes, Duration pause, boolean stopWhenAnswered) {
        return (out, answered) -> {
            for (byte b : bytes) {
                if (stopWhenAnswered && answered.isDone()) {
                    return;
                }
                out.write(b);
                out.flush();
                Thread.sleep(pause.toMillis());
            }
        };
    }

    private static Response read(Socket socket, long start) {
        try {
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            if (statusLine == null) {
                return new Response(0, Map.of(), "", since(start), null);
            }
            String[] parts = statusLine.split(" ", 3);
            int status = Integer.parseInt(parts[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
            }
            byte[] body;
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = chunkedBody(in);
            } else if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else {
                body = in.readAllBytes();
            }
            return new Response(status, headers, new String(body, StandardCharsets.UTF_8), since(start), null);
        } catch (IOException e) {
            return new Response(0, Map.of(), e.toString(), since(start), null);
        }
    }

    /** Reads (and drops) whatever follows the answer until the server closes the connection. */
    private static Duration untilClosed(Socket socket, long start) {
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            while (in.read(buffer) >= 0) {
                // nothing after a complete answer is expected; keep reading to the end
            }
            return since(start);
        } catch (IOException e) {
            return socket.isClosed() ? null : since(start);
        }
    }

    private static byte[] chunkedBody(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String size = line(in); size != null; size = line(in)) {
            int n = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (n == 0) {
                break;
            }
            body.write(in.readNBytes(n));
            line(in);
        }
        return body.toByteArray();
    }

    /** One CRLF-terminated line (ISO-8859-1), or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
