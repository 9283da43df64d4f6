package io.dbferry.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether dbferry talks to a person at a terminal. */
final class Terminal {

    private Terminal() {}

    /**
     * True when the JVM has a console attached to a terminal. Before JDK 22 {@link System#console()} is null
     * unless stdin and stdout are a terminal; from JDK 22 it may be non-null anyway, and
     * {@code Console.isTerminal()} (looked up reflectively, since dbferry builds for JDK 21) says.
     */
    static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a non-null console is a terminal
        }
    }
}
