package org.envol.closing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The treasurer's confirmations of bank balances at the end of a year (table {@code closing_bank_confirmation}). */
@Repository
class BankConfirmations {

    private final JdbcClient jdbc;

    BankConfirmations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Account id → its confirmation for the fiscal year. */
    Map<Long, BankConfirmation> forYear(long fiscalYearId) {
        Map<Long, BankConfirmation> out = new LinkedHashMap<>();
        jdbc.sql("select fiscal_year_id, account_id, balance_cents, confirmed_by, confirmed_at from closing_bank_confirmation"
                + " where fiscal_year_id = :fy order by account_id")
                .param("fy", fiscalYearId)
                .query((rs, n) -> out.put(rs.getLong(2), new BankConfirmation(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant())))
                .list();
        return out;
    }

    /** Records a confirmation, replacing the account's earlier one for that year. */
    void save(BankConfirmation c) {
        jdbc.sql("delete from closing_bank_confirmation where fiscal_year_id = :fy and account_id = :a")
                .param("fy", c.fiscalYearId()).param("a", c.accountId()).update();
        jdbc.sql("insert into closing_bank_confirmation (fiscal_year_id, account_id, balance_cents, confirmed_by, confirmed_at)"
                + " values (:fy, :a, :b, :by, :at)")
                .param("fy", c.fiscalYearId()).param("a", c.accountId()).param("b", c.balanceCents())
                .param("by", c.confirmedBy()).param("at", OffsetDateTime.ofInstant(c.confirmedAt(), ZoneOffset.UTC)).update();
    }
}
