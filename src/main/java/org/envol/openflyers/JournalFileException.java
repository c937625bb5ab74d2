package org.envol.openflyers;

import java.util.List;

/** A journal file that cannot be read: every problem found, each with its line. Nothing was written. */
public class JournalFileException extends OpenFlyersException {

    private final List<JournalProblem> problems;

    public JournalFileException(List<JournalProblem> problems) {
        super("openflyers.journal.file.invalid", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<JournalProblem> problems() {
        return problems;
    }
}
