package org.envol.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks drafts against every rule, in the order of {@link RejectionCode}, and reports all the
 * problems of a draft at once. Loads what it needs once per batch (accounts, journals, years).
 */
@Component
class DraftChecker {

    private final JdbcClient jdbc;

    DraftChecker(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the checker learnt about a batch: used again when writing. */
    final class Batch {
        private final Map<Long, Account> accounts = new HashMap<>();
        private final Map<String, Journal> journals = new HashMap<>();
        private final Map<Long, List<FiscalYear>> years = new HashMap<>();
        private final Set<Long> sections = new HashSet<>();

        Batch(Collection<EntryDraft> drafts, Collection<Long> alsoSections) {
            sections.addAll(alsoSections);
            Set<Long> accountIds = new HashSet<>();
            for (EntryDraft d : drafts) {
                sections.add(d.sectionId());
                for (LineDraft l : d.lines()) {
                    if (l.accountId() != null) {
                        accountIds.add(l.accountId());
                    }
                }
            }
            List<Long> ids = new ArrayList<>(accountIds);
            for (int from = 0; from < ids.size(); from += 1000) {
                jdbc.sql("select id, section_id, code, label, active from account where id in (:ids)")
                        .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                        .query(Account.class).list().forEach(a -> accounts.put(a.id(), a));
            }
            jdbc.sql("select id, code, label, active from journal").query(Journal.class).list()
                    .forEach(j -> journals.put(j.code(), j));
            if (!sections.isEmpty()) {
                Set<Long> existing = new HashSet<>(jdbc.sql("select id from section where id in (:ids)")
                        .param("ids", sections).query(Long.class).list());
                sections.retainAll(existing);
                jdbc.sql("select id, section_id, start_date, end_date, status = 'CLOSED' as closed from fiscal_year"
                        + " where section_id in (:ids)").param("ids", existing.isEmpty() ? List.of(-1L) : existing)
                        .query(FiscalYear.class).list()
                        .forEach(y -> years.computeIfAbsent(y.sectionId(), k -> new ArrayList<>()).add(y));
            }
        }

        Journal journal(String code) {
            return journals.get(code);
        }

        Optional<FiscalYear> year(long sectionId, LocalDate date) {
            return years.getOrDefault(sectionId, List.of()).stream().filter(y -> y.contains(date)).findFirst();
        }

        /** Every rule for one draft; empty when the draft may be written. */
        List<Rejection> check(EntryDraft d) {
            List<Rejection> out = new ArrayList<>();
            if (!sections.contains(d.sectionId())) {
                out.add(Rejection.of(RejectionCode.SECTION_UNKNOWN, d.sectionId()));
                return out;
            }
            Journal journal = d.journalCode() == null ? null : journals.get(d.journalCode());
            if (journal == null) {
                out.add(Rejection.of(RejectionCode.JOURNAL_UNKNOWN, String.valueOf(d.journalCode())));
            } else if (!journal.active()) {
                out.add(Rejection.of(RejectionCode.JOURNAL_INACTIVE, journal.code()));
            }
            if (d.date() == null) {
                out.add(Rejection.of(RejectionCode.DATE_MISSING));
            }
            if (d.label() == null || d.label().isBlank()) {
                out.add(Rejection.of(RejectionCode.LABEL_MISSING));
            } else if (d.label().length() > Limits.LABEL_MAX) {
                out.add(Rejection.of(RejectionCode.LABEL_TOO_LONG, Limits.LABEL_MAX));
            }
            if (d.voucherRef() != null && d.voucherRef().length() > Limits.VOUCHER_MAX) {
                out.add(Rejection.of(RejectionCode.VOUCHER_TOO_LONG, Limits.VOUCHER_MAX));
            }
            if (d.source() != null) {
                if (d.source().kind().length() > Source.KIND_MAX || d.source().reference().length() > Source.REFERENCE_MAX) {
                    out.add(Rejection.of(RejectionCode.SOURCE_TOO_LONG, Source.REFERENCE_MAX));
                }
                if (Source.MANUAL.equals(d.source().kind()) || Source.REVERSAL.equals(d.source().kind())) {
                    out.add(Rejection.of(RejectionCode.SOURCE_KIND_RESERVED, d.source().kind()));
                }
            }
            if (d.lines().size() < 2) {
                out.add(Rejection.of(RejectionCode.TOO_FEW_LINES));
            } else if (d.lines().size() > Limits.LINES_PER_ENTRY_MAX) {
                out.add(Rejection.of(RejectionCode.TOO_MANY_LINES, Limits.LINES_PER_ENTRY_MAX));
            }
            boolean amountsOk = true;
            int no = 0;
            for (LineDraft l : d.lines()) {
                no++;
                if (l.accountId() == null) {
                    out.add(Rejection.atLine(no, RejectionCode.LINE_ACCOUNT_MISSING, no));
                }
                if (l.amountCents() == 0) {
                    out.add(Rejection.atLine(no, RejectionCode.LINE_ZERO, no));
                } else if (Math.abs(l.amountCents()) > Limits.AMOUNT_MAX_CENTS || l.amountCents() == Long.MIN_VALUE) {
                    out.add(Rejection.atLine(no, RejectionCode.LINE_AMOUNT_TOO_LARGE, no));
                    amountsOk = false;
                }
                if (l.label() != null && l.label().length() > Limits.LABEL_MAX) {
                    out.add(Rejection.atLine(no, RejectionCode.LINE_LABEL_TOO_LONG, no, Limits.LABEL_MAX));
                }
                if (l.analyticCode() != null && l.analyticCode().length() > Limits.ANALYTIC_MAX) {
                    out.add(Rejection.atLine(no, RejectionCode.LINE_ANALYTIC_TOO_LONG, no, Limits.ANALYTIC_MAX));
                }
                if (l.accountId() != null) {
                    Account a = accounts.get(l.accountId());
                    if (a == null) {
                        out.add(Rejection.atLine(no, RejectionCode.LINE_ACCOUNT_UNKNOWN, no, l.accountId()));
                    } else if (a.sectionId() != d.sectionId()) {
                        out.add(Rejection.atLine(no, RejectionCode.LINE_ACCOUNT_OTHER_SECTION, no, a.display()));
                    } else if (!a.active()) {
                        out.add(Rejection.atLine(no, RejectionCode.LINE_ACCOUNT_CLOSED, no, a.display()));
                    }
                }
            }
            if (amountsOk && !d.lines().isEmpty()) {
                long imbalance = d.imbalanceCents();
                if (imbalance != 0) {
                    out.add(Rejection.of(RejectionCode.UNBALANCED, new Money.Cents(imbalance)));
                }
            }
            if (d.date() != null) {
                Optional<FiscalYear> year = year(d.sectionId(), d.date());
                if (year.isEmpty()) {
                    out.add(Rejection.of(RejectionCode.NO_FISCAL_YEAR, d.date()));
                } else if (year.get().closed()) {
                    out.add(Rejection.of(RejectionCode.FISCAL_YEAR_CLOSED, d.date(), year.get().startDate(), year.get().endDate()));
                }
            }
            return out;
        }
    }

    Batch batch(Collection<EntryDraft> drafts) {
        return new Batch(drafts, List.of());
    }

    /** A batch that also knows the fiscal years of a section none of the drafts names (a sync with nothing left). */
    Batch batch(Collection<EntryDraft> drafts, long sectionId) {
        return new Batch(drafts, List.of(sectionId));
    }
}
