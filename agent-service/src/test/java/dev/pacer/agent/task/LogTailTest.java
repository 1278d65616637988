package dev.pacer.agent.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void lastLines_ofAFileEndingInANewline() throws IOException {
        Path log = write("a\nb\nc\n");

        assertThat(LogTail.lastLines(log, 2)).isEqualTo("b\nc\n");
    }

    @Test
    void lastLines_countAnUnterminatedLastLine() throws IOException {
        Path log = write("a\nb\nc");

        assertThat(LogTail.lastLines(log, 2)).isEqualTo("b\nc");
    }

    @Test
    void askingForMoreLinesThanThereAre_givesTheWholeFile() throws IOException {
        Path log = write("a\nb\n");

        assertThat(LogTail.lastLines(log, 100)).isEqualTo("a\nb\n");
    }

    @Test
    void zeroLines_emptyFiles_andMissingFiles_giveNothing() throws IOException {
        assertThat(LogTail.lastLines(write("a\n"), 0)).isEmpty();
        assertThat(LogTail.lastLines(write(""), 10)).isEmpty();
        assertThat(LogTail.lastLines(dir.resolve("absent"), 10)).isEmpty();
    }

    @Test
    void linesAcrossReadChunks_areCutAtTheRightPlace() throws IOException {
        String content = IntStream.rangeClosed(1, 5000).mapToObj(i -> "line number " + i).collect(Collectors.joining("\n", "", "\n"));
        Path log = write(content);

        String tail = LogTail.lastLines(log, 1234);

        assertThat(tail.lines()).hasSize(1234).first().isEqualTo("line number 3767");
        assertThat(tail).endsWith("line number 5000\n");
    }

    @Test
    void tail_isCappedAtTheMaximumLineCount() throws IOException {
        Path log = write("x\n".repeat(LogTail.MAX_LINES + 50));

        assertThat(LogTail.lastLines(log, Integer.MAX_VALUE).lines()).hasSize(LogTail.MAX_LINES);
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "log", ".txt");
        Files.writeString(file, content);
        return file;
    }
}
