package dev.pacer.bench;

/**
 * One bench on the command line: its name, what it measures (one line), its usage, and its parser, which
 * checks every option before anything starts and returns the run.
 */
public record BenchCommand(String name, String summary, String usage, Parser parser) {

    /** Reads the options; an {@link IllegalArgumentException} is a usage error (nothing was started). */
    public interface Parser {
        Run parse(String[] args);
    }

    /** The bench itself, with its options read. */
    public interface Run {
        void run() throws Exception;
    }
}
