package org.envol.interchange;

import java.util.Map;
import java.util.Optional;
import org.envol.ledger.Change;
import org.envol.ledger.LedgerAccess;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Club-wide settings; today only the SIREN, which names the FEC. Only an admin changes them. */
@Service
public class ClubSettings {

    public static final String SIREN = "siren";

    private final JdbcClient jdbc;
    private final LedgerAccess access;
    private final ApplicationEventPublisher events;

    ClubSettings(JdbcClient jdbc, LedgerAccess access, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Optional<String> get(String name) {
        return jdbc.sql("select setting_value from club_setting where setting_name = :n").param("n", known(name)).query(String.class).optional();
    }

    public Optional<String> siren() {
        return get(SIREN);
    }

    /** Sets a setting (admin only); the SIREN must be 9 digits passing the Luhn check. */
    @Transactional
    public void set(String name, String value) {
        access.requireAdmin();
        String n = known(name);
        String v = value == null ? "" : value.replace(" ", "").strip();
        if (SIREN.equals(n) && !validSiren(v)) {
            throw new InterchangeException("interchange.siren.invalid", value);
        }
        Optional<String> before = get(n);
        if (before.isPresent()) {
            jdbc.sql("update club_setting set setting_value = :v where setting_name = :n").param("v", v).param("n", n).update();
        } else {
            jdbc.sql("insert into club_setting (setting_name, setting_value) values (:n, :v)").param("n", n).param("v", v).update();
        }
        events.publishEvent(new Change(access.actor(), null, before.isPresent() ? "UPDATE" : "CREATE", "club_setting", n,
                before.map(b -> Map.of("value", b)).orElse(null), Map.of("value", v)));
    }

    private static String known(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
        if (!SIREN.equals(n)) {
            throw new InterchangeException("interchange.setting.unknown", name);
        }
        return n;
    }

    /** Nine digits whose Luhn sum is a multiple of ten (INSEE's key for the SIREN). */
    static boolean validSiren(String s) {
        if (s == null || !s.matches("[0-9]{9}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = s.charAt(8 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
