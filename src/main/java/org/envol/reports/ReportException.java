package org.envol.reports;

/**
 * A report the user asked for that cannot be given as asked (a PDF too long, an unknown journal,
 * a consolidated view without a club-wide role…): a message key of {@code i18n/reports} with its
 * arguments. Pages show it above the form; the command prints it and exits non-zero.
 */
public class ReportException extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    public ReportException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
