package dev.pacer.stack;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Whether the embedded Redis answers commands, not only connections: while it replays its append-only file it
 * accepts connections but answers {@code -LOADING}, and a service started then would fail its first command. One
 * {@code AUTH} and one {@code PING} in RESP over a plain socket (the launcher carries no Redis client).
 */
final class RedisPing {

    private RedisPing() {
    }

    /** True when {@code user} and {@code password} authenticate on the loopback {@code port} and PING answers PONG. */
    static boolean answers(int port, String user, String password) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write(command("AUTH", user, password));
            out.write(command("PING"));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
            return "+OK".equals(in.readLine()) && "+PONG".equals(in.readLine());
        } catch (IOException e) {
            return false;
        }
    }

    /** A command as a RESP array of bulk strings. */
    private static byte[] command(String... parts) {
        StringBuilder resp = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            resp.append('$').append(part.getBytes(UTF_8).length).append("\r\n").append(part).append("\r\n");
        }
        return resp.toString().getBytes(UTF_8);
    }
}
