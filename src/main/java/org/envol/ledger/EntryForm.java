package org.envol.ledger;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The free entry form as posted: amounts as the user typed them. {@link #read} turns it into an
 * {@link EntryDraft} with {@link Money#parse}'s rules, and lists what could not be read (an
 * amount that is not one, debit and credit both filled, a date that is not a date). Every rule
 * of the books stays in the ledger.
 */
public class EntryForm {

    static final int MIN_ROWS = 2;
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private Long sectionId;
    private String journalCode;
    private String date;
    private String label;
    private String voucherRef;
    private List<LineForm> lines = new ArrayList<>();

    /** What the user typed on one line. */
    public static class LineForm {
        private Long accountId;
        private String debit;
        private String credit;
        private String label;

        public LineForm() {
        }

        LineForm(Long accountId, String debit, String credit, String label) {
            this.accountId = accountId;
            this.debit = debit;
            this.credit = credit;
            this.label = label;
        }

        boolean blank() {
            return accountId == null && isBlank(debit) && isBlank(credit) && isBlank(label);
        }

        public Long getAccountId() {
            return accountId;
        }

        public void setAccountId(Long accountId) {
            this.accountId = accountId;
        }

        public String getDebit() {
            return debit;
        }

        public void setDebit(String debit) {
            this.debit = debit;
        }

        public String getCredit() {
            return credit;
        }

        public void setCredit(String credit) {
            this.credit = credit;
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }
    }

    /** A problem in what was typed: a message key of the web bundle, its arguments, where (line 0 = the entry). */
    public record Problem(String key, List<Object> args, int lineNo, String field) {
    }

    /** The draft as far as it could be read, and what could not (then the draft is not to be written). */
    public record Reading(EntryDraft draft, List<Problem> problems) {

        boolean amountProblemAt(int lineNo) {
            return problems.stream().anyMatch(p -> p.lineNo() == lineNo && p.lineNo() > 0);
        }

        boolean amountProblem() {
            return problems.stream().anyMatch(p -> p.lineNo() > 0);
        }

        boolean dateProblem() {
            return problems.stream().anyMatch(p -> "date".equals(p.field()));
        }
    }

    static EntryForm blank(long sectionId, LocalDate date) {
        EntryForm form = new EntryForm();
        form.sectionId = sectionId;
        form.journalCode = "OD";
        form.date = date.toString();
        form.compact();
        return form;
    }

    /** The form for editing a stored entry, amounts printed as the user would type them. */
    static EntryForm of(Entry entry, Locale locale) {
        EntryForm form = new EntryForm();
        form.sectionId = entry.sectionId();
        form.journalCode = entry.journalCode();
        form.date = entry.date().toString();
        form.label = entry.label();
        form.voucherRef = entry.voucherRef();
        for (Line line : entry.lines()) {
            String amount = typed(Math.abs(line.amountCents()), locale);
            form.lines.add(new LineForm(line.accountId(), line.amountCents() > 0 ? amount : null,
                    line.amountCents() < 0 ? amount : null, line.label()));
        }
        form.compact();
        return form;
    }

    private static String typed(long cents, Locale locale) {
        return Money.format(cents, locale).replace('\u202F', ' ');
    }

    /**
     * Drops the lines left wholly blank and keeps at least {@link #MIN_ROWS} rows, so that row n
     * of the form is line n of the entry in every message.
     */
    void compact() {
        List<LineForm> kept = new ArrayList<>(lines.stream().filter(l -> l != null && !l.blank()).toList());
        while (kept.size() < MIN_ROWS) {
            kept.add(new LineForm());
        }
        lines = kept;
    }

    /** Reads the compacted form; an amount that cannot be read counts as zero in the draft. */
    Reading read(long sectionId) {
        List<Problem> problems = new ArrayList<>();
        LocalDate day = null;
        if (!isBlank(date)) {
            day = parseDate(date.strip()).orElse(null);
            if (day == null) {
                problems.add(new Problem("entry.form.date.invalid", List.of(date.strip()), 0, "date"));
            }
        }
        List<LineDraft> drafts = new ArrayList<>();
        int lineNo = 0;
        for (LineForm line : lines) {
            if (line.blank()) {
                continue;
            }
            lineNo++;
            drafts.add(new LineDraft(line.accountId, amount(line, lineNo, problems), blankToNull(line.label), null));
        }
        EntryDraft draft = EntryDraft.manual(sectionId, blankToNull(journalCode), day, blankToNull(label),
                blankToNull(voucherRef), drafts);
        return new Reading(draft, problems);
    }

    private static long amount(LineForm line, int lineNo, List<Problem> problems) {
        boolean hasDebit = !isBlank(line.debit);
        boolean hasCredit = !isBlank(line.credit);
        if (hasDebit && hasCredit) {
            problems.add(new Problem("entry.form.amount.both", List.of(lineNo), lineNo, "amount"));
            return 0;
        }
        if (!hasDebit && !hasCredit) {
            return 0;
        }
        String typed = hasDebit ? line.debit : line.credit;
        Optional<Long> cents = Money.parse(typed);
        if (cents.isEmpty()) {
            problems.add(new Problem("entry.form.amount.invalid", List.of(lineNo, typed.strip()), lineNo, hasDebit ? "debit" : "credit"));
            return 0;
        }
        return hasDebit ? cents.get() : -cents.get();
    }

    static Optional<LocalDate> parseDate(String text) {
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, FRENCH_DATE)) {
            try {
                return Optional.of(LocalDate.parse(text, format));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }

    public Long getSectionId() {
        return sectionId;
    }

    public void setSectionId(Long sectionId) {
        this.sectionId = sectionId;
    }

    public String getJournalCode() {
        return journalCode;
    }

    public void setJournalCode(String journalCode) {
        this.journalCode = journalCode;
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getVoucherRef() {
        return voucherRef;
    }

    public void setVoucherRef(String voucherRef) {
        this.voucherRef = voucherRef;
    }

    public List<LineForm> getLines() {
        return lines;
    }

    public void setLines(List<LineForm> lines) {
        this.lines = lines;
    }
}
