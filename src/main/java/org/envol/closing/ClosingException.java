package org.envol.closing;

import java.util.List;

/**
 * A refusal of the closing that the user can fix: what was refused and, when the checklist
 * blocks the validation, each failed item.
 */
public class ClosingException extends RuntimeException {

    private final transient List<Notice> notices;

    ClosingException(Notice notice) {
        this(List.of(notice));
    }

    ClosingException(List<Notice> notices) {
        super(notices.isEmpty() ? "closing refused" : notices.get(0).key());
        this.notices = List.copyOf(notices);
    }

    ClosingException(String key, Object... args) {
        this(Notice.of(key, args));
    }

    /** The first says what was refused; the others why. */
    public List<Notice> notices() {
        return notices;
    }
}
