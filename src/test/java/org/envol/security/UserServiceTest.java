package org.envol.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.envol.security.SecurityTestSupport.as;
import static org.envol.security.SecurityTestSupport.unique;

import java.util.List;
import org.envol.testing.Books;
import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

@SecurityTest
class UserServiceTest {

    static final String PASSWORD = "correct-horse-42";

    @Autowired
    UserService users;
    @Autowired
    EnvolUserDetailsService details;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Books books;

    AppUser create(String username, Grant... grants) {
        return SystemActor.run("test", () -> users.create(username, null, PASSWORD, List.of(grants)));
    }

    UserRejection rejection(Runnable act) {
        try {
            SystemActor.run("test", act);
        } catch (UserRejectedException e) {
            return e.code();
        }
        throw new AssertionError("expected a rejection");
    }

    @Test
    void storesThePasswordHashedWithBCrypt() {
        AppUser user = create(unique("hash"));
        String hash = jdbc.sql("select password_hash from app_user where id = ?").param(user.id()).query(String.class).single();
        assertThat(hash).isNotEqualTo(PASSWORD).doesNotContain(PASSWORD).startsWith("{bcrypt}$2");
        assertThat(encoder.matches(PASSWORD, hash)).isTrue();
        assertThat(encoder.matches("wrong-password", hash)).isFalse();
    }

    @Test
    void usernamesAreLowerCaseUniqueAndWithinTheirRules() {
        String name = unique("Alice");
        AppUser alice = create(name);
        assertThat(alice.username()).isEqualTo(name.toLowerCase());
        assertThat(alice.displayName()).isEqualTo(alice.username());
        assertThat(rejection(() -> create(name.toUpperCase()))).isEqualTo(UserRejection.USERNAME_TAKEN);
        assertThat(rejection(() -> create("a"))).isEqualTo(UserRejection.USERNAME_INVALID);
        assertThat(rejection(() -> create("al ice" + unique("")))).isEqualTo(UserRejection.USERNAME_INVALID);
        assertThat(rejection(() -> create("-alice" + unique("")))).isEqualTo(UserRejection.USERNAME_INVALID);
        String atLimit = (unique("l") + "x".repeat(SecurityLimits.USERNAME_MAX)).substring(0, SecurityLimits.USERNAME_MAX);
        assertThat(create(atLimit).username()).hasSize(SecurityLimits.USERNAME_MAX);
        assertThat(rejection(() -> create(unique("l") + "x".repeat(SecurityLimits.USERNAME_MAX)))).isEqualTo(UserRejection.USERNAME_INVALID);
    }

    @Test
    void passwordsHaveAtLeastTenCharactersAndAtMost72Bytes() {
        assertThat(rejection(() -> users.create(unique("pw"), null, "123456789", List.of()))).isEqualTo(UserRejection.PASSWORD_TOO_SHORT);
        SystemActor.run("test", () -> users.create(unique("pw"), null, "1234567890", List.of()));
        SystemActor.run("test", () -> users.create(unique("pw"), null, "é".repeat(36), List.of()));
        assertThat(rejection(() -> users.create(unique("pw"), null, "é".repeat(36) + "x", List.of())))
                .isEqualTo(UserRejection.PASSWORD_TOO_LONG);
        assertThat(rejection(() -> users.create(null, null, null, List.of()))).isEqualTo(UserRejection.USERNAME_INVALID);
        String name = unique("same-as-password");
        assertThat(rejection(() -> users.create(name, null, name.toUpperCase(), List.of()))).isEqualTo(UserRejection.PASSWORD_IS_USERNAME);
    }

    @Test
    void onlyAnAdminCreatesUsers() {
        String name = unique("nope");
        assertThatThrownBy(() -> as("treasurer", List.of(Authorities.section(null, Role.TREASURER)),
                () -> users.create(name, null, PASSWORD, List.of()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.create(name, null, PASSWORD, List.of())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("treasurer", List.of(Authorities.section(null, Role.TREASURER)), users::list))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("select count(*) from app_user where username = ?").param(name).query(Long.class).single()).isZero();
        AppUser other = create(unique("victim"));
        assertThatThrownBy(() -> as("treasurer", List.of(Authorities.section(null, Role.TREASURER)),
                () -> users.grant(other.id(), Grant.clubWide(Role.ADMIN)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("treasurer", List.of(Authorities.section(null, Role.TREASURER)), () -> users.disable(other.id())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void authoritiesFollowRolesAndOwnedAccounts() {
        Books.Club club = books.club(SecurityTestSupport.sectionCode(), 2026);
        AppUser user = create(unique("roles"), Grant.clubWide(Role.ADMIN), Grant.inSection(club.id(), Role.TREASURER),
                Grant.clubWide(Role.ACCOUNTANT));
        SystemActor.run("test", () -> users.linkAccount(user.id(), club.member().id()));
        assertThat(details.loadUserByUsername(user.username().toUpperCase()).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_ADMIN", "SECTION_" + club.id() + "_TREASURER", "SECTION_ALL_ACCOUNTANT",
                        "ACCOUNT_" + club.member().id());
    }

    @Test
    void rolesAreGrantedAndRevokedPerSectionAndAdminIsClubWideOnly() {
        Books.Club club = books.club(SecurityTestSupport.sectionCode(), 2026);
        AppUser user = create(unique("grant"));
        AppUser granted = SystemActor.run("test", () -> users.grant(user.id(), Grant.inSection(club.id(), Role.MEMBER)));
        assertThat(granted.grants()).containsExactly(Grant.inSection(club.id(), Role.MEMBER));
        // granting twice changes nothing
        assertThat(SystemActor.run("test", () -> users.grant(user.id(), Grant.inSection(club.id(), Role.MEMBER))).grants()).hasSize(1);
        SystemActor.run("test", () -> users.grant(user.id(), Grant.clubWide(Role.MEMBER)));
        AppUser revoked = SystemActor.run("test", () -> users.revoke(user.id(), Grant.inSection(club.id(), Role.MEMBER)));
        assertThat(revoked.grants()).containsExactly(Grant.clubWide(Role.MEMBER));
        assertThat(rejection(() -> users.grant(user.id(), Grant.inSection(club.id(), Role.ADMIN)))).isEqualTo(UserRejection.ADMIN_CLUB_WIDE);
        assertThat(rejection(() -> users.grant(user.id(), Grant.inSection(999_999, Role.TREASURER)))).isEqualTo(UserRejection.SECTION_UNKNOWN);
        assertThat(rejection(() -> users.grant(999_999, Grant.clubWide(Role.MEMBER)))).isEqualTo(UserRejection.USER_UNKNOWN);
    }

    @Test
    void theDatabaseRefusesAnAdminPerSectionAndADuplicateRole() {
        Books.Club club = books.club(SecurityTestSupport.sectionCode(), 2026);
        AppUser user = create(unique("db"), Grant.clubWide(Role.MEMBER));
        assertThatThrownBy(() -> jdbc.sql("insert into user_role (user_id, section_id, role) values (?, ?, 'ADMIN')")
                .params(user.id(), club.id()).update()).isInstanceOf(DataIntegrityViolationException.class);
        // a club-wide role is unique too, although its section is null
        assertThatThrownBy(() -> jdbc.sql("insert into user_role (user_id, section_id, role) values (?, null, 'MEMBER')")
                .param(user.id()).update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theLastEnabledAdminStays() {
        AppUser admin = create(unique("last"), Grant.clubWide(Role.ADMIN));
        List<AppUser> others = SystemActor.run("test", users::list).stream()
                .filter(u -> u.enabled() && u.isAdmin() && u.id() != admin.id()).toList();
        try {
            others.forEach(o -> SystemActor.run("test", () -> users.disable(o.id())));
            assertThat(rejection(() -> users.disable(admin.id()))).isEqualTo(UserRejection.LAST_ADMIN);
            assertThat(rejection(() -> users.revoke(admin.id(), Grant.clubWide(Role.ADMIN)))).isEqualTo(UserRejection.LAST_ADMIN);
            AppUser second = create(unique("second"), Grant.clubWide(Role.ADMIN));
            assertThat(SystemActor.run("test", () -> users.disable(admin.id())).enabled()).isFalse();
            assertThat(rejection(() -> users.disable(second.id()))).isEqualTo(UserRejection.LAST_ADMIN);
            SystemActor.run("test", () -> users.enable(admin.id()));
        } finally {
            others.forEach(o -> SystemActor.run("test", () -> users.enable(o.id())));
        }
        assertThat(users.hasAdmin()).isTrue();
    }

    @Test
    void aDisabledUserCannotSignIn() {
        AppUser user = create(unique("off"));
        SystemActor.run("test", () -> users.disable(user.id()));
        assertThat(details.loadUserByUsername(user.username()).isEnabled()).isFalse();
        SystemActor.run("test", () -> users.enable(user.id()));
        assertThat(details.loadUserByUsername(user.username()).isEnabled()).isTrue();
    }

    @Test
    void aUserChangesHisOwnPasswordAndOnlyAnAdminChangesAnothers() {
        AppUser me = create(unique("me"));
        AppUser other = create(unique("other"));
        as(me.username(), List.of(), () -> {
            users.changePassword(me.id(), "my-new-password-1");
            return null;
        });
        assertThat(encoder.matches("my-new-password-1", details.loadUserByUsername(me.username()).getPassword())).isTrue();
        assertThatThrownBy(() -> as(me.username(), List.of(), () -> {
            users.changePassword(other.id(), "stolen-password-1");
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThat(as(me.username(), List.of(), () -> users.find(me.username()))).isPresent();
        assertThatThrownBy(() -> as(me.username(), List.of(), () -> users.find(other.username()))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void membersOwnExistingAccountsOnly() {
        Books.Club club = books.club(SecurityTestSupport.sectionCode(), 2026);
        AppUser member = create(unique("member"), Grant.inSection(club.id(), Role.MEMBER));
        assertThat(SystemActor.run("test", () -> users.linkAccount(member.id(), club.member().id())).accountIds())
                .containsExactly(club.member().id());
        assertThat(rejection(() -> users.linkAccount(member.id(), 999_999))).isEqualTo(UserRejection.ACCOUNT_UNKNOWN);
        assertThat(SystemActor.run("test", () -> users.unlinkAccount(member.id(), club.member().id())).accountIds()).isEmpty();
    }

    @Test
    void everyChangeIsAuditedWithoutPasswordOrHash() {
        AppUser user = create(unique("audit"));
        SystemActor.run("test", () -> users.grant(user.id(), Grant.clubWide(Role.ACCOUNTANT)));
        SystemActor.run("test", () -> users.changePassword(user.id(), "another-password-9"));
        SystemActor.run("test", () -> users.disable(user.id()));
        record Line(String actor, String action, String beforeValue, String afterValue) {
        }
        List<Line> lines = jdbc.sql("select actor, action, before_value, after_value from audit_event where object_type = 'user'"
                + " and object_id = ? order by id").param(String.valueOf(user.id())).query(Line.class).list();
        assertThat(lines).extracting(Line::action).containsExactly("CREATE", "GRANT", "CHANGE_PASSWORD", "DISABLE");
        assertThat(lines).extracting(Line::actor).containsOnly("test");
        String hash = jdbc.sql("select password_hash from app_user where id = ?").param(user.id()).query(String.class).single();
        for (Line l : lines) {
            for (String value : new String[] {l.beforeValue(), l.afterValue()}) {
                if (value != null) {
                    assertThat(value).doesNotContain(PASSWORD, "another-password-9", hash, "$2a$", "bcrypt");
                }
            }
        }
        assertThat(lines.get(1).afterValue()).contains("ACCOUNTANT");
    }

    @PostgresTest
    static class OnPostgres extends UserServiceTest {
    }
}
