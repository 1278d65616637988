package dev.pacer.agent.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The last lines of a log file, read backwards from its end: a huge log costs no more than its tail. */
public final class LogTail {

    public static final int MAX_LINES = 10_000;
    /** Bytes returned at most, however long the lines. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final int CHUNK = 8192;

    private LogTail() {
    }

    /**
     * The last {@code lines} lines (at most {@link #MAX_LINES}, at most {@link #MAX_BYTES}) of {@code file},
     * as the file has them.
     */
    public static String lastLines(Path file, int lines) {
        int wanted = Math.min(Math.max(lines, 0), MAX_LINES);
        if (wanted == 0 || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return ""; // a task may replace its log by a link: the agent never follows it
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            long start = size;
            int newlines = 0;
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            // a trailing newline ends the last line; it does not start another one
            long scanEnd = size > 0 && byteAt(channel, size - 1) == '\n' ? size - 1 : size;
            long position = scanEnd;
            search:
            while (position > 0) {
                int length = (int) Math.min(CHUNK, position);
                position -= length;
                buffer.clear().limit(length);
                channel.read(buffer, position);
                for (int i = length - 1; i >= 0; i--) {
                    if (buffer.get(i) == '\n' && ++newlines == wanted) {
                        start = position + i + 1;
                        break search;
                    }
                }
                start = position;
            }
            start = Math.max(start, size - MAX_BYTES);
            ByteBuffer tail = ByteBuffer.allocate((int) (size - start));
            while (tail.hasRemaining() && channel.read(tail, start + tail.position()) > 0) {
                // a regular file reads fully; the loop only guards against short reads
            }
            return new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte byteAt(FileChannel channel, long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        channel.read(one, position);
        return one.get(0);
    }
}
