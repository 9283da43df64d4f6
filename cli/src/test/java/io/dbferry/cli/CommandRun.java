package io.dbferry.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;

/**
 * One run of the dbferry command line in this JVM, with what it printed.
 *
 * @param exitCode the exit code
 * @param out what went to stdout
 * @param err what went to stderr
 */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DbferryCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    /**
     * Runs the command, running {@code action} on the command's own thread, once, as soon as stderr holds
     * {@code marker}: the command waits for it, so a test can act at a known point of a run (a progress line
     * such as {@code "loading "}; the run must not be {@code --quiet}).
     */
    static CommandRun withHook(String marker, Runnable action, String... args) {
        StringWriter out = new StringWriter();
        Hooked err = new Hooked(marker, action);
        int code = DbferryCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CommandRun(code, out.toString(), err.text.toString());
    }

    /** Collects text and runs an action once the text holds a marker. */
    private static final class Hooked extends Writer {

        private final StringBuilder text = new StringBuilder();
        private final String marker;
        private Runnable action;

        Hooked(String marker, Runnable action) {
            this.marker = marker;
            this.action = action;
        }

        @Override
        public synchronized void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
            if (action != null && text.indexOf(marker) >= 0) {
                Runnable once = action;
                action = null;
                once.run();
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
