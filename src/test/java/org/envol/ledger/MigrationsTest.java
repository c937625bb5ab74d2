package org.envol.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class MigrationsTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void shipsTheAssociationChartAndTheJournals() {
        assertThat(jdbc.sql("select count(*) from chart_code where chart_version = 'ANC-2018-06'").query(Long.class).single())
                .isEqualTo(154);
        assertThat(jdbc.sql("select label from chart_code where code = '411'").query(String.class).single()).startsWith("Adhérents");
        // other tests sharing this database may have added journals
        assertThat(jdbc.sql("select code from journal order by code").query(String.class).list())
                .contains("AC", "AN", "BQ", "CA", "OD", "VT");
    }

    @PostgresTest
    static class OnPostgres extends MigrationsTest {
    }
}
