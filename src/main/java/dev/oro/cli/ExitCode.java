package dev.oro.cli;

/** The CLI's exit codes, as scripts and CI read them. */
public final class ExitCode {

    public static final int OK = 0;
    public static final int ERROR = 1;
    /** Picocli's own code for a wrong command line. */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
