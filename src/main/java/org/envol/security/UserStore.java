package org.envol.security;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The users' tables. No rule here: {@link UserService} checks, this stores. */
@Repository
class UserStore {

    /** A user's row, password hash included: it never leaves the security feature. */
    record Row(long id, String username, String displayName, String passwordHash, boolean enabled, OffsetDateTime createdAt) {
    }

    private static final String COLUMNS = "select id, username, display_name, password_hash, enabled, created_at from app_user";

    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(String username) {
        return jdbc.sql(COLUMNS + " where username = :username").param("username", username).query(Row.class).optional();
    }

    Optional<Row> find(long id) {
        return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(Row.class).optional();
    }

    List<Row> all() {
        return jdbc.sql(COLUMNS + " order by username").query(Row.class).list();
    }

    long insert(String username, String displayName, String passwordHash, OffsetDateTime createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into app_user (username, display_name, password_hash, enabled, created_at)"
                + " values (:username, :name, :hash, true, :at)")
                .param("username", username).param("name", displayName).param("hash", passwordHash).param("at", createdAt)
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("update app_user set enabled = :enabled where id = :id").param("enabled", enabled).param("id", id).update();
    }

    void setPasswordHash(long id, String hash) {
        jdbc.sql("update app_user set password_hash = :hash where id = :id").param("hash", hash).param("id", id).update();
    }

    List<Grant> grants(long userId) {
        return jdbc.sql("select section_id, role from user_role where user_id = :id order by role, section_id")
                .param("id", userId).query((rs, n) -> grant(rs)).list();
    }

    /** Every user's roles, by user id, in one query. */
    Map<Long, List<Grant>> allGrants() {
        Map<Long, List<Grant>> byUser = new HashMap<>();
        jdbc.sql("select user_id, section_id, role from user_role order by role, section_id")
                .query(rs -> {
                    byUser.computeIfAbsent(rs.getLong("user_id"), k -> new ArrayList<>()).add(grant(rs));
                });
        return byUser;
    }

    private static Grant grant(java.sql.ResultSet rs) throws java.sql.SQLException {
        long section = rs.getLong("section_id");
        return new Grant(rs.wasNull() ? null : section, Role.valueOf(rs.getString("role")));
    }

    void addGrant(long userId, Grant grant) {
        jdbc.sql("insert into user_role (user_id, section_id, role) values (:user, :section, :role)")
                .param("user", userId).param("section", grant.sectionId(), java.sql.Types.BIGINT)
                .param("role", grant.role().name()).update();
    }

    void removeGrant(long userId, Grant grant) {
        // "section_id = null" is never true: club-wide is scope 0 (section ids start at 1)
        jdbc.sql("delete from user_role where user_id = :user and role = :role and coalesce(section_id, 0) = :scope")
                .param("user", userId).param("role", grant.role().name())
                .param("scope", grant.isClubWide() ? 0L : grant.sectionId()).update();
    }

    /** Enabled users holding ADMIN. */
    long enabledAdmins() {
        return jdbc.sql("select count(*) from app_user u join user_role r on r.user_id = u.id"
                + " where u.enabled = true and r.role = 'ADMIN'").query(Long.class).single();
    }

    boolean any() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single() > 0;
    }

    List<Long> accounts(long userId) {
        return jdbc.sql("select account_id from user_account where user_id = :id order by account_id")
                .param("id", userId).query(Long.class).list();
    }

    Map<Long, List<Long>> allAccounts() {
        Map<Long, List<Long>> byUser = new HashMap<>();
        jdbc.sql("select user_id, account_id from user_account order by account_id")
                .query(rs -> {
                    byUser.computeIfAbsent(rs.getLong("user_id"), k -> new ArrayList<>()).add(rs.getLong("account_id"));
                });
        return byUser;
    }

    void link(long userId, long accountId) {
        jdbc.sql("insert into user_account (user_id, account_id) values (:user, :account)")
                .param("user", userId).param("account", accountId).update();
    }

    void unlink(long userId, long accountId) {
        jdbc.sql("delete from user_account where user_id = :user and account_id = :account")
                .param("user", userId).param("account", accountId).update();
    }
}
