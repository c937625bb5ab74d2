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
    @Autowired
    LoginThrottle throttle;
    @Autowired
    SecurityTestSupport.MovableClock clock;

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

    static final String NEW_PASSWORD = "my-new-password-1";

    String hash(AppUser user) {
        return jdbc.sql("select password_hash from app_user where id = ?").param(user.id()).query(String.class).single();
    }

    boolean signsInWith(AppUser user, String password) {
        return encoder.matches(password, details.loadUserByUsername(user.username()).getPassword());
    }

    List<String> auditedActions(AppUser user) {
        return jdbc.sql("select action from audit_event where object_type = 'user' and object_id = ? order by id")
                .param(String.valueOf(user.id())).query(String.class).list();
    }

    /** The user changes his or her own password, signed in as a member. */
    void changeOwn(AppUser me, String current, String next, String confirmation) {
        as(me.username(), List.of(Authorities.section(null, Role.MEMBER)), () -> {
            users.changeOwnPassword(current, next, confirmation);
            return null;
        });
    }

    UserRejection ownRejection(AppUser me, String current, String next, String confirmation) {
        try {
            changeOwn(me, current, next, confirmation);
        } catch (UserRejectedException e) {
            return e.code();
        }
        throw new AssertionError("expected a rejection");
    }

    @Test
    void aUserChangesHisOwnPasswordGivingTheCurrentOne() {
        AppUser me = create(unique("me"));
        changeOwn(me, PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(signsInWith(me, NEW_PASSWORD)).isTrue();
        assertThat(signsInWith(me, PASSWORD)).isFalse();
        assertThat(auditedActions(me)).containsExactly("CREATE", "CHANGE_PASSWORD");
        String actor = jdbc.sql("select actor from audit_event where object_type = 'user' and object_id = ? and action = 'CHANGE_PASSWORD'")
                .param(String.valueOf(me.id())).query(String.class).single();
        assertThat(actor).isEqualTo(me.username());
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndChangesNothing() {
        AppUser me = create(unique("wrong"));
        String before = hash(me);
        assertThat(ownRejection(me, "not-my-password", NEW_PASSWORD, NEW_PASSWORD)).isEqualTo(UserRejection.CURRENT_PASSWORD_WRONG);
        assertThat(ownRejection(me, "", NEW_PASSWORD, NEW_PASSWORD)).isEqualTo(UserRejection.CURRENT_PASSWORD_WRONG);
        assertThat(ownRejection(me, null, NEW_PASSWORD, NEW_PASSWORD)).isEqualTo(UserRejection.CURRENT_PASSWORD_WRONG);
        // longer than BCrypt reads: wrong, not a crash
        assertThat(ownRejection(me, PASSWORD + "x".repeat(SecurityLimits.PASSWORD_MAX_BYTES), NEW_PASSWORD, NEW_PASSWORD))
                .isEqualTo(UserRejection.CURRENT_PASSWORD_WRONG);
        assertThat(hash(me)).isEqualTo(before);
        assertThat(signsInWith(me, PASSWORD)).isTrue();
        assertThat(auditedActions(me)).containsExactly("CREATE");
    }

    @Test
    void theNewPasswordIsTypedTwiceFollowsThePasswordRulesAndDiffersFromTheCurrentOne() {
        AppUser me = create(unique("rules"));
        String before = hash(me);
        assertThat(ownRejection(me, PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "2")).isEqualTo(UserRejection.PASSWORD_CONFIRMATION_DIFFERS);
        assertThat(ownRejection(me, PASSWORD, NEW_PASSWORD, null)).isEqualTo(UserRejection.PASSWORD_CONFIRMATION_DIFFERS);
        assertThat(ownRejection(me, PASSWORD, "123456789", "123456789")).isEqualTo(UserRejection.PASSWORD_TOO_SHORT);
        String tooLong = "é".repeat(36) + "x";
        assertThat(ownRejection(me, PASSWORD, tooLong, tooLong)).isEqualTo(UserRejection.PASSWORD_TOO_LONG);
        assertThat(ownRejection(me, PASSWORD, me.username().toUpperCase(), me.username().toUpperCase()))
                .isEqualTo(UserRejection.PASSWORD_IS_USERNAME);
        assertThat(ownRejection(me, PASSWORD, PASSWORD, PASSWORD)).isEqualTo(UserRejection.PASSWORD_UNCHANGED);
        assertThat(hash(me)).isEqualTo(before);
        assertThat(auditedActions(me)).containsExactly("CREATE");
        // at the limit: 10 characters
        changeOwn(me, PASSWORD, "1234567890", "1234567890");
        assertThat(signsInWith(me, "1234567890")).isTrue();
    }

    @Test
    void wrongCurrentPasswordsLockTheChangeAndTheSignInLikeFailedSignIns() {
        AppUser me = create(unique("guess"));
        String before = hash(me);
        for (int i = 1; i < SecurityLimits.LOGIN_FAILURES_PER_USERNAME; i++) {
            assertThat(ownRejection(me, "guess-number-" + i, NEW_PASSWORD, NEW_PASSWORD)).isEqualTo(UserRejection.CURRENT_PASSWORD_WRONG);
        }
        assertThat(throttle.lockedFor(me.username(), null)).isEmpty();
        // the failure that locks says so
        assertThat(ownRejection(me, "guess-number-5", NEW_PASSWORD, NEW_PASSWORD)).isEqualTo(UserRejection.CURRENT_PASSWORD_LOCKED);
        // while locked, even the right password is refused, here and on the sign-in form
        assertThat(ownRejection(me, PASSWORD, NEW_PASSWORD, NEW_PASSWORD)).isEqualTo(UserRejection.CURRENT_PASSWORD_LOCKED);
        assertThat(throttle.lockedFor(me.username(), SecurityTestSupport.uniqueAddress())).contains(SecurityLimits.LOGIN_LOCK);
        assertThat(hash(me)).isEqualTo(before);
        clock.advance(SecurityLimits.LOGIN_LOCK);
        changeOwn(me, PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(signsInWith(me, NEW_PASSWORD)).isTrue();
    }

    @Test
    void theRightCurrentPasswordClearsEarlierFailures() {
        AppUser me = create(unique("forgetful"));
        for (int i = 1; i < SecurityLimits.LOGIN_FAILURES_PER_USERNAME; i++) {
            ownRejection(me, "guess-number-" + i, NEW_PASSWORD, NEW_PASSWORD);
        }
        // right current password, mistyped confirmation: refused, but the failures are forgotten as after a sign-in
        assertThat(ownRejection(me, PASSWORD, NEW_PASSWORD, "typo")).isEqualTo(UserRejection.PASSWORD_CONFIRMATION_DIFFERS);
        assertThat(ownRejection(me, "one-more-guess", NEW_PASSWORD, NEW_PASSWORD)).isEqualTo(UserRejection.CURRENT_PASSWORD_WRONG);
    }

    @Test
    void onlyASignedInUserOfEnvolChangesHisOwnPassword() {
        assertThatThrownBy(() -> users.changeOwnPassword(PASSWORD, NEW_PASSWORD, NEW_PASSWORD)).isInstanceOf(AccessDeniedException.class);
        // the command line's actor is no user: it resets passwords with changePassword
        assertThat(rejection(() -> users.changeOwnPassword(PASSWORD, NEW_PASSWORD, NEW_PASSWORD))).isEqualTo(UserRejection.USER_UNKNOWN);
    }

    @Test
    void withoutTheCurrentPasswordOnlyAnAdminSetsOne() {
        AppUser me = create(unique("me"), Grant.clubWide(Role.TREASURER));
        AppUser other = create(unique("other"));
        // a session left open (or stolen) is not enough to change one's own password
        assertThatThrownBy(() -> as(me.username(), List.of(Authorities.section(null, Role.TREASURER)), () -> {
            users.changePassword(me.id(), "stolen-password-1");
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(me.username(), List.of(), () -> {
            users.changePassword(other.id(), "stolen-password-1");
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThat(signsInWith(me, PASSWORD)).isTrue();
        assertThat(signsInWith(other, PASSWORD)).isTrue();
        // an admin resets anyone's, his or her own included, without the current one
        AppUser admin = create(unique("admin"), Grant.clubWide(Role.ADMIN));
        as(admin.username(), List.of(Authorities.ADMIN), () -> {
            users.changePassword(me.id(), "reset-password-1");
            users.changePassword(admin.id(), "reset-password-2");
            return null;
        });
        assertThat(signsInWith(me, "reset-password-1")).isTrue();
        assertThat(signsInWith(admin, "reset-password-2")).isTrue();
        assertThat(auditedActions(me)).containsExactly("CREATE", "CHANGE_PASSWORD");
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
        changeOwn(user, "another-password-9", "yet-another-password-8", "yet-another-password-8");
        SystemActor.run("test", () -> users.disable(user.id()));
        record Line(String actor, String action, String beforeValue, String afterValue) {
        }
        List<Line> lines = jdbc.sql("select actor, action, before_value, after_value from audit_event where object_type = 'user'"
                + " and object_id = ? order by id").param(String.valueOf(user.id())).query(Line.class).list();
        assertThat(lines).extracting(Line::action).containsExactly("CREATE", "GRANT", "CHANGE_PASSWORD", "CHANGE_PASSWORD", "DISABLE");
        assertThat(lines).extracting(Line::actor).containsExactly("test", "test", "test", user.username(), "test");
        String hash = jdbc.sql("select password_hash from app_user where id = ?").param(user.id()).query(String.class).single();
        for (Line l : lines) {
            for (String value : new String[] {l.beforeValue(), l.afterValue()}) {
                if (value != null) {
                    assertThat(value).doesNotContain(PASSWORD, "another-password-9", "yet-another-password-8", hash, "$2a$", "bcrypt");
                }
            }
        }
        assertThat(lines.get(1).afterValue()).contains("ACCOUNTANT");
    }

    @PostgresTest
    static class OnPostgres extends UserServiceTest {
    }
}
