package dev.pacer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bench's socket subscribers against a server that writes SSE as the gateway does: chunked, whole frames per chunk. */
class SseSocketsTest {

    @Test
    void countsAttachAndEvents_acrossReadsAndChunks_andTheEndOfTheStream() throws Exception {
        EventsBench.Recorder recorder = new EventsBench.Recorder(100);
        CountDownLatch attached = new CountDownLatch(1);
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             SseSockets sockets = new SseSockets(recorder, attached)) {
            sockets.open(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v2/events?event_type=a"));
            try (Socket client = server.accept()) {
                String request = new String(client.getInputStream().readNBytes(36), StandardCharsets.US_ASCII);
                assertThat(request).startsWith("GET /v2/events?event_type=a HTTP/1.1");
                OutputStream out = client.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes());
                chunk(out, "event: event_stream_attached\ndata: {}\n\n");
                assertThat(attached.await(5, TimeUnit.SECONDS)).isTrue();
                long past = System.currentTimeMillis() - 1000;
                String two = "id: " + past + "-0\nevent: x\ndata: {}\n\nid: " + past + "-1\nevent: x\ndata: {}\n\n";
                // one chunk, written in two parts: a line split over two reads
                out.write((Integer.toHexString(two.length()) + "\r\n" + two.substring(0, 7)).getBytes());
                out.flush();
                Thread.sleep(50);
                out.write((two.substring(7) + "\r\n").getBytes());
                chunk(out, ": heartbeat\n\n");
                out.write("0\r\n\r\n".getBytes());
                out.flush();
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while ((recorder.count() < 2 || sockets.closed() < 1) && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(recorder.count()).isEqualTo(2);
            assertThat(recorder.samples().p50()).isBetween(1000L, 6000L);
            assertThat(sockets.closed()).isEqualTo(1);
        }
    }

    private static void chunk(OutputStream out, String data) throws Exception {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes());
        out.write(bytes);
        out.write("\r\n".getBytes());
        out.flush();
    }
}
