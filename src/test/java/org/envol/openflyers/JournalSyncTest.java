package org.envol.openflyers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.BalanceService;
import org.envol.ledger.EntryDraft;
import org.envol.ledger.EntrySearch;
import org.envol.ledger.LedgerService;
import org.envol.ledger.LineDraft;
import org.envol.ledger.Source;
import org.envol.ledger.SyncOutcome;
import org.envol.ledger.SyncReport;
import org.envol.security.Authorities;
import org.envol.security.Role;
import org.envol.testing.Acting;
import org.envol.testing.Books;
import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

/**
 * The scenario: a club keeps its member accounts in OpenFlyers and Envol in step month
 * after month. The test keeps its own OpenFlyers (flows and initial balances), writes its general
 * ledger export, and after every step compares each member's Envol balance with what it computes.
 */
@SpringBootTest
class JournalSyncTest {

    static final LocalDate FROM = LocalDate.of(2025, 3, 1);
    static final LocalDate TO = LocalDate.of(2025, 3, 31);

    @Autowired
    JournalSync sync;
    @Autowired
    JournalDeletion deletion;
    @Autowired
    AccountMappings mappings;
    @Autowired
    LedgerService ledger;
    @Autowired
    AccountService accounts;
    @Autowired
    BalanceService balances;
    @Autowired
    EntrySearch search;
    @Autowired
    Books books;

    Books.Club club;
    Account martin;
    Account funds;
    OpenFlyers of;

    /** The test's OpenFlyers: accounts by id, initial balances (positive: the pilot is in credit), flows by number. */
    static final class OpenFlyers {
        final Map<String, String> names = new LinkedHashMap<>();
        final Map<String, Long> initial = new HashMap<>();
        final Map<String, Object[]> flows = new TreeMap<>();

        void flow(String number, int day, String label, String debit, String credit, long cents) {
            flows.put(number, new Object[] {LocalDate.of(2025, 3, day), label, debit, credit, cents});
        }

        /** What Envol should show for this account (debit positive): the opposite of OpenFlyers' balance. */
        long envolBalance(String id) {
            long b = -initial.getOrDefault(id, 0L);
            for (Object[] f : flows.values()) {
                b += f[2].equals(id) ? (long) f[4] : 0;
                b -= f[3].equals(id) ? (long) f[4] : 0;
            }
            return b;
        }

        /** The general ledger export: one block per account, each flow under both its accounts. */
        byte[] generalLedger() {
            StringBuilder out = new StringBuilder("Grand livre du 01/03/2025  au  31/03/2025\nEdité le 01/04/2025\n");
            for (Map.Entry<String, String> account : names.entrySet()) {
                String id = account.getKey();
                out.append("Nom de compte;").append(account.getValue()).append("\nCompte d'export;X").append(id)
                        .append("\nNuméro de compte OF;").append(id).append("\n;;;;Mouvements;Flux;Date;Libellé;Débit;Crédit\n");
                flows.forEach((n, f) -> {
                    boolean debit = f[2].equals(id);
                    if (!debit && !f[3].equals(id)) {
                        return;
                    }
                    String amount = String.format("%d,%02d", (long) f[4] / 100, (long) f[4] % 100);
                    String other = (String) (debit ? f[3] : f[2]);
                    out.append(";;;;x;").append(n).append(';').append(String.format("%1$td/%1$tm/%1$tY", f[0])).append(';')
                            .append(f[1]).append(';').append(debit ? amount : "0,00").append(';').append(debit ? "0,00" : amount)
                            .append('\n').append(names.get(other)).append(';').append(other).append(";X").append(other).append(";;x\n");
                });
                out.append("Total;;;;;;;;;\n");
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void club() {
        club = books.club(2025);
        martin = admin(() -> accounts.create(club.id(), "411", "MARTIN Paul"));
        funds = admin(() -> accounts.create(club.id(), "102", "Fonds associatifs"));
        of = new OpenFlyers();
        of.names.put("317", "DUPONT Jean");
        of.names.put("318", "MARTIN Paul");
        of.names.put("706", "Heures de vol");
        of.names.put("512", "Banque");
        of.names.put("900", "Baptêmes");
        of.names.put("400", "LEROY Anne (ULM)");
        of.initial.put("317", 5000L);
        of.initial.put("318", -2000L);
    }

    <T> T admin(Supplier<T> work) {
        return org.envol.security.SystemActor.run("test", work::get);
    }

    <T> T treasurer(Supplier<T> work) {
        return Acting.as("treasurer", List.of(Authorities.section(club.id(), Role.TREASURER)), work);
    }

    void assertBalancesAsOpenFlyers() {
        assertThat(admin(() -> balances.balanceCents(club.member().id(), TO))).as("DUPONT").isEqualTo(of.envolBalance("317"));
        assertThat(admin(() -> balances.balanceCents(martin.id(), TO))).as("MARTIN").isEqualTo(of.envolBalance("318"));
    }

    JournalPreview preview() {
        return treasurer(() -> sync.preview(club.id(), JournalFile.read(of.generalLedger()), FROM, TO));
    }

    SyncReport apply() {
        return treasurer(() -> sync.apply(club.id(), JournalFile.read(of.generalLedger()), FROM, TO, null));
    }

    static Map<String, FlowState> states(JournalPreview p) {
        Map<String, FlowState> out = new TreeMap<>();
        p.rows().forEach(r -> out.put(r.flow(), r.state()));
        return out;
    }

    @Test
    void aFlowTheLedgerRefusesIsLeftOutAndTheOthersApplied() {
        Account closed = admin(() -> accounts.create(club.id(), "706", "Remorqués (fermé)"));
        admin(() -> accounts.update(closed.id(), closed.label(), false));
        treasurer(() -> {
            mappings.map(club.id(), "317", "DUPONT Jean", club.member().id());
            mappings.map(club.id(), "512", "Banque", club.bank().id());
            return mappings.map(club.id(), "706", "Heures de vol", closed.id());
        });
        of.names.keySet().retainAll(Set.of("317", "512", "706"));
        of.initial.clear();
        of.flow("2001", 5, "Vol", "317", "706", 15000);
        of.flow("2002", 10, "Virement", "512", "317", 20000);
        assertThat(preview().rows().stream().filter(JournalRow::selectable).map(JournalRow::flow)).containsExactly("2002");
        SyncReport report = apply();
        assertThat(report.count(SyncOutcome.CREATED)).isEqualTo(1);
        assertThat(admin(() -> balances.balanceCents(club.member().id(), TO))).isEqualTo(-20000);
    }

    @Test
    void aTreasurerKeepsEnvolInStepWithOpenFlyersMonthAfterMonth() {
        // mappings: the two members, income, bank; « Baptêmes » is a 411 in OpenFlyers but not a member: mapped to income
        treasurer(() -> {
            mappings.map(club.id(), "317", "DUPONT Jean", club.member().id());
            mappings.map(club.id(), "318", "MARTIN Paul", martin.id());
            mappings.map(club.id(), "706", "Heures de vol", club.income().id());
            mappings.map(club.id(), "512", "Banque", club.bank().id());
            return mappings.map(club.id(), "900", "Baptêmes", club.income().id());
        });
        // initial balances, as the balance screen posts them: against 102, positive = the pilot in credit
        for (Account a : List.of(club.member(), martin)) {
            String id = a == martin ? "318" : "317";
            long credit = of.initial.get(id);
            treasurer(() -> ledger.post(new EntryDraft(club.id(), "OD", LocalDate.of(2025, 2, 28), "Initialisation du solde", null,
                    new Source("openflyers-init", id), List.of(LineDraft.of(funds.id(), credit), LineDraft.of(a.id(), -credit)))));
        }
        assertBalancesAsOpenFlyers();

        // a month in OpenFlyers
        of.flow("1001", 5, "Vol F-GXYZ 1h00", "317", "706", 15000);
        of.flow("1002", 10, "Virement", "512", "317", 20000);
        of.flow("1003", 12, "Vol F-GABC 0h30", "318", "706", 8000);
        of.flow("1004", 14, "Baptême", "900", "706", 6000);
        of.flow("1005", 15, "Vol ULM", "400", "706", 5000);
        JournalPreview first = preview();
        assertThat(states(first)).containsExactly(Map.entry("1001", FlowState.NEW), Map.entry("1002", FlowState.NEW),
                Map.entry("1003", FlowState.NEW), Map.entry("1005", FlowState.TO_MAP));
        assertThat(first.notMember()).isEqualTo(1);
        assertThat(first.unmapped(Set.copyOf(admin(() -> mappings.all(club.id())).keySet())))
                .containsExactly(new JournalFlow.Side("400", "LEROY Anne (ULM)"));
        assertThat(apply().count(SyncOutcome.CREATED)).isEqualTo(3);
        assertBalancesAsOpenFlyers();

        // the same file again changes nothing
        assertThat(states(preview()).values()).containsOnly(FlowState.UNCHANGED, FlowState.TO_MAP);
        assertThat(apply().written()).isZero();
        assertBalancesAsOpenFlyers();

        // OpenFlyers corrects a flight, deletes one, adds one
        of.flow("1001", 5, "Vol F-GXYZ 1h06", "317", "706", 16500);
        of.flows.remove("1003");
        of.flow("1006", 20, "Vol F-GABC 0h15", "318", "706", 4000);
        assertThat(states(preview())).containsExactly(Map.entry("1001", FlowState.CHANGED), Map.entry("1002", FlowState.UNCHANGED),
                Map.entry("1003", FlowState.MISSING), Map.entry("1005", FlowState.TO_MAP), Map.entry("1006", FlowState.NEW));
        apply();
        assertBalancesAsOpenFlyers();

        // the treasurer validates the month
        List<Long> ids = new ArrayList<>();
        for (String n : List.of("1001", "1002", "1006")) {
            ids.add(admin(() -> search.bySource(club.id(), new Source(JournalSync.KIND, n))).orElseThrow().id());
        }
        treasurer(() -> ledger.freeze(club.id(), ids));

        // and OpenFlyers changes again: a validated entry is reversed and posted again, never duplicated nor skipped
        of.flow("1002", 10, "Virement", "512", "317", 25000);
        of.flows.remove("1006");
        JournalPreview again = preview();
        assertThat(again.rows()).filteredOn(r -> r.flow().equals("1002")).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo(FlowState.CHANGED)).satisfies(r -> assertThat(r.validated()).isTrue());
        assertThat(again.rows()).filteredOn(r -> r.flow().equals("1006")).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo(FlowState.MISSING)).satisfies(r -> assertThat(r.validated()).isTrue());
        SyncReport corrected = apply();
        assertThat(corrected.count(SyncOutcome.REVERSED_AND_REPLACED)).isEqualTo(1);
        assertThat(corrected.count(SyncOutcome.REVERSED)).isEqualTo(1);
        assertBalancesAsOpenFlyers();
        assertThat(apply().written()).isZero();
        assertBalancesAsOpenFlyers();

        // deleting the period: the validated 1001 is reversed, the re-posted 1002 deleted; initial balances stay
        JournalPreview toDelete = treasurer(() -> deletion.preview(club.id(), FROM, TO));
        assertThat(toDelete.rows()).extracting(JournalRow::flow, JournalRow::validated)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("1001", true), org.assertj.core.groups.Tuple.tuple("1002", false));
        treasurer(() -> deletion.delete(club.id(), FROM, TO));
        Map<String, Object[]> kept = new TreeMap<>(of.flows);
        of.flows.clear();
        assertBalancesAsOpenFlyers();

        // and syncing again brings OpenFlyers' month back, once
        of.flows.putAll(kept);
        assertThat(apply().count(SyncOutcome.CREATED)).isEqualTo(2);
        assertBalancesAsOpenFlyers();
    }

    @Test
    void eachSectionTakesOnlyTheFlowsOfItsOwnMappedAccounts() {
        Books.Club ulm = books.club(2025);
        treasurer(() -> {
            mappings.map(club.id(), "317", "DUPONT Jean", club.member().id());
            return mappings.map(club.id(), "706", "Heures de vol", club.income().id());
        });
        Acting.as("t", List.of(Authorities.section(ulm.id(), Role.TREASURER)), () -> {
            mappings.map(ulm.id(), "400", "LEROY Anne", ulm.member().id());
            mappings.map(ulm.id(), "706", "Heures ULM", ulm.income().id());
            mappings.map(ulm.id(), "317", "DUPONT Jean", null);
        });
        of.flow("1001", 5, "Vol avion", "317", "706", 15000);
        of.flow("1005", 15, "Vol ULM", "400", "706", 5000);
        of.initial.clear();
        apply();
        SyncReport ulmReport = Acting.as("t", List.of(Authorities.section(ulm.id(), Role.TREASURER)),
                () -> sync.apply(ulm.id(), JournalFile.read(of.generalLedger()), FROM, TO, null));
        assertThat(ulmReport.items()).extracting(i -> i.reference()).containsExactly("1005");
        assertThat(admin(() -> balances.balanceCents(club.member().id(), TO))).isEqualTo(15000);
        assertThat(admin(() -> balances.balanceCents(ulm.member().id(), TO))).isEqualTo(5000);
    }

    @Test
    void onlyTheSectionsTreasurerSyncsOrDeletes() {
        of.flow("1001", 5, "Vol", "317", "706", 15000);
        JournalFile file = JournalFile.read(of.generalLedger());
        Books.Club other = books.club(2025);
        for (String authority : List.of(Authorities.section(club.id(), Role.ACCOUNTANT), Authorities.section(club.id(), Role.MEMBER),
                Authorities.section(other.id(), Role.TREASURER))) {
            List<String> roles = List.of(authority);
            assertThatThrownBy(() -> Acting.as("u", roles, () -> sync.preview(club.id(), file, FROM, TO))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> Acting.as("u", roles, () -> sync.apply(club.id(), file, FROM, TO, null))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> Acting.as("u", roles, () -> deletion.preview(club.id(), FROM, TO))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> Acting.as("u", roles, () -> deletion.delete(club.id(), FROM, TO))).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void aPeriodBeyondTheFilesIsRefusedLestItsEntriesLookDeleted() {
        JournalFile file = JournalFile.read(of.generalLedger());
        assertThatThrownBy(() -> treasurer(() -> sync.preview(club.id(), file, FROM, LocalDate.of(2025, 4, 30))))
                .isInstanceOfSatisfying(OpenFlyersException.class, e -> assertThat(e.key()).isEqualTo("openflyers.journal.period.outsideFile"));
    }

    @Test
    void onlyTheTickedFlowsAreApplied() {
        treasurer(() -> {
            mappings.map(club.id(), "317", "DUPONT Jean", club.member().id());
            return mappings.map(club.id(), "706", "Heures de vol", club.income().id());
        });
        of.flow("1001", 5, "Vol", "317", "706", 15000);
        of.flow("1002", 6, "Vol", "317", "706", 1000);
        SyncReport report = treasurer(() -> sync.apply(club.id(), JournalFile.read(of.generalLedger()), FROM, TO, Set.of("1002")));
        assertThat(report.written()).isEqualTo(1);
        assertThat(admin(() -> balances.balanceCents(club.member().id(), TO))).isEqualTo(1000);
        assertThat(states(preview())).containsExactly(Map.entry("1001", FlowState.NEW), Map.entry("1002", FlowState.UNCHANGED));
    }

    @PostgresTest
    static class OnPostgres extends JournalSyncTest {
    }
}
