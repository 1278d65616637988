package dev.pacer.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many SSE subscribers at the least cost a client can have, so that a benchmark on one machine measures the
 * server and not its consumers: plain non-blocking sockets on one selector thread, a raw HTTP/1.1 request, and
 * a scan of the response bytes for two line prefixes only — {@code event: event_stream_attached} (attached)
 * and {@code id: } (an event: its latency is now minus the id's milliseconds, Redis' clock). The gateway writes
 * whole frames per chunk, so a chunk-size line never splits a frame's line; it is a line like any other here.
 */
final class SseSockets implements AutoCloseable {

    private static final byte[] ATTACHED = "event: event_stream_attached".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ID = "id: ".getBytes(StandardCharsets.US_ASCII);
    /** Bytes of a line kept: enough for both prefixes and an id ({@code <13 digits>-<n>}). */
    private static final int PREFIX = 64;

    private final Selector selector;
    private final Thread loop;
    private final EventsBench.Recorder recorder;
    private final CountDownLatch attached;
    private final AtomicInteger closed = new AtomicInteger();
    private volatile boolean running = true;

    SseSockets(EventsBench.Recorder recorder, CountDownLatch attached) throws IOException {
        this.recorder = recorder;
        this.attached = attached;
        this.selector = Selector.open();
        this.loop = new Thread(this::run, "sse-sockets");
        this.loop.setDaemon(true);
        this.loop.start();
    }

    /** Opens one subscriber on {@code url} (path and query kept), its request sent once connected. */
    void open(URI url) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.connect(new InetSocketAddress(url.getHost(), url.getPort()));
        byte[] request = ("GET " + url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery())
                + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort() + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        synchronized (this) {
            selector.wakeup();
            channel.register(selector, SelectionKey.OP_CONNECT, new Connection(ByteBuffer.wrap(request)));
        }
    }

    /** Subscribers whose stream ended or failed. */
    int closed() {
        return closed.get();
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        byte[] bytes = new byte[buffer.capacity()];
        while (running) {
            try {
                synchronized (this) {
                    // registrations in open() take this lock and wake the selector first
                }
                selector.select(100);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    handle(key, buffer, bytes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void handle(SelectionKey key, ByteBuffer buffer, byte[] bytes) {
        SocketChannel channel = (SocketChannel) key.channel();
        Connection connection = (Connection) key.attachment();
        try {
            if (key.isConnectable()) {
                channel.finishConnect();
                key.interestOps(SelectionKey.OP_WRITE);
            }
            if (key.isValid() && key.isWritable()) {
                channel.write(connection.request);
                if (!connection.request.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
            }
            if (key.isValid() && key.isReadable()) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) {
                    end(key);
                    return;
                }
                buffer.flip();
                buffer.get(bytes, 0, n);
                connection.scan(bytes, n, System.currentTimeMillis());
            }
        } catch (IOException e) {
            end(key);
        }
    }

    private void end(SelectionKey key) {
        closed.incrementAndGet();
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        loop.interrupt();
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }

    /** One subscriber's request and the start of its current line. */
    private final class Connection {
        private final ByteBuffer request;
        private final byte[] line = new byte[PREFIX];
        private int length;
        private boolean seenAttached;

        Connection(ByteBuffer request) {
            this.request = request;
        }

        void scan(byte[] bytes, int n, long now) {
            for (int i = 0; i < n; i++) {
                byte b = bytes[i];
                if (b == '\n') {
                    endOfLine(now);
                    length = 0;
                } else if (length < PREFIX) {
                    line[length++] = b;
                }
            }
        }

        private void endOfLine(long now) {
            if (startsWith(ID)) {
                long ms = 0;
                for (int i = ID.length; i < length && line[i] != '-'; i++) {
                    ms = ms * 10 + (line[i] - '0');
                }
                recorder.record(now - ms);
            } else if (!seenAttached && startsWith(ATTACHED)) {
                seenAttached = true;
                attached.countDown();
            }
        }

        private boolean startsWith(byte[] prefix) {
            if (length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (line[i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
