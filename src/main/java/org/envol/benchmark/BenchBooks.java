package org.envol.benchmark;

import java.time.LocalDate;
import java.util.List;

/**
 * The accounts of one generated section, by the part they play in a flying club's books: what
 * the generator needs to write realistic entries.
 */
record BenchBooks(
        long sectionId,
        LocalDate start,
        int years,
        List<Member> members,
        long bank,
        long cash,
        List<Aircraft> aircraft,
        long instruction,
        long dues,
        long vat,
        List<Supplier> suppliers,
        List<Long> sundryExpenses) {

    /** A member's own account (411) and name, as flight labels show it. */
    record Member(long account, String name) {
    }

    /** An aircraft with its own flight-hours income account (7061) and its hourly rate. */
    record Aircraft(String registration, long incomeAccount, long hourlyRateCents) {
    }

    /** A supplier's 401 account and the expense account its invoices go to. */
    record Supplier(String name, long account, long expenseAccount, long typicalNetCents) {
    }

    LocalDate end() {
        return start.plusYears(years).minusDays(1);
    }
}
