package dev.pacer.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Free TCP ports for servers started by tests, from 10000–19999: below Linux's ephemeral range (32768+, where the
 * kernel also picks the source port of every outgoing connection, so a port found free there could be taken by a
 * connect before the server binds it — seen as "Port … was already in use"), and apart from the ranges the local
 * stack gives to tasks (20000–32000) and its own services (32000+). A port is handed out once per JVM and only
 * after a bind on every address succeeded.
 */
public final class FreePorts {

    private static final int LOW = 10_000;
    private static final int SPAN = 10_000;
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger CURSOR = new AtomicInteger(ThreadLocalRandom.current().nextInt(SPAN));

    private FreePorts() {
    }

    public static int next() {
        for (int tried = 0; tried < SPAN; tried++) {
            int port = LOW + Math.floorMod(CURSOR.getAndIncrement(), SPAN);
            if (GIVEN.add(port) && bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port in " + LOW + "-" + (LOW + SPAN - 1));
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
