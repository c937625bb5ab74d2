package org.envol.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.Change;
import org.envol.ledger.LedgerAccess;
import org.envol.ledger.RejectedException;
import org.envol.ledger.SectionService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users, their roles per section and the accounts members own. Everything here is an admin's act
 * (the command line runs as {@link SystemActor}, an admin: that is how the first admin is created),
 * except that users read themselves and change their own password, giving the current one. Every
 * change goes to the audit log, never with a password or its hash.
 */
@Service
public class UserService {

    private static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._@-]{" + (SecurityLimits.USERNAME_MIN - 1) + ","
            + (SecurityLimits.USERNAME_MAX - 1) + "}";

    private final UserStore store;
    private final LedgerAccess access;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final SectionService sections;
    private final AccountService accounts;
    private final Clock clock;
    private final LoginThrottle throttle;

    UserService(UserStore store, LedgerAccess access, PasswordEncoder encoder, ApplicationEventPublisher events,
            SectionService sections, AccountService accounts, Clock clock, LoginThrottle throttle) {
        this.store = store;
        this.access = access;
        this.encoder = encoder;
        this.events = events;
        this.sections = sections;
        this.accounts = accounts;
        this.clock = clock;
        this.throttle = throttle;
    }

    /** How a username is compared and stored: trimmed, lower-case. */
    public static String normalize(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Creates an enabled user with this password and these roles. {@code displayName} defaults to the
     * username. Admin only.
     */
    @Transactional
    public AppUser create(String username, String displayName, String password, Collection<Grant> grants) {
        access.requireAdmin();
        String u = normalize(username);
        if (!u.matches(USERNAME_PATTERN)) {
            throw new UserRejectedException(UserRejection.USERNAME_INVALID, u);
        }
        if (store.find(u).isPresent()) {
            throw new UserRejectedException(UserRejection.USERNAME_TAKEN, u);
        }
        String name = displayName == null || displayName.isBlank() ? u : displayName.trim();
        if (name.length() > SecurityLimits.DISPLAY_NAME_MAX) {
            throw new UserRejectedException(UserRejection.DISPLAY_NAME_TOO_LONG, SecurityLimits.DISPLAY_NAME_MAX);
        }
        checkPassword(u, password);
        Collection<Grant> distinct = new LinkedHashSet<>(grants);
        distinct.forEach(this::checkGrant);
        long id = store.insert(u, name, encoder.encode(password), OffsetDateTime.now(clock));
        distinct.forEach(g -> store.addGrant(id, g));
        AppUser created = load(id);
        record(null, "CREATE", id, null, created);
        return created;
    }

    /** Every user, by username. Admin only. */
    @Transactional(readOnly = true)
    public List<AppUser> list() {
        access.requireAdmin();
        Map<Long, List<Grant>> grants = store.allGrants();
        Map<Long, List<Long>> owned = store.allAccounts();
        return store.all().stream().map(r -> user(r, grants.getOrDefault(r.id(), List.of()), owned.getOrDefault(r.id(), List.of())))
                .toList();
    }

    /** A user by username: admins read anyone, a user reads himself or herself. */
    @Transactional(readOnly = true)
    public Optional<AppUser> find(String username) {
        String u = normalize(username);
        if (!CurrentUser.is(u)) {
            access.requireAdmin();
        }
        return store.find(u).map(r -> user(r, store.grants(r.id()), store.accounts(r.id())));
    }

    /** Like {@link #find(String)}, rejecting an unknown username. */
    @Transactional(readOnly = true)
    public AppUser get(String username) {
        return find(username).orElseThrow(() -> new UserRejectedException(UserRejection.USER_UNKNOWN, normalize(username)));
    }

    /** The signed-in user, if he or she is a user of Envol (not {@link SystemActor}). */
    @Transactional(readOnly = true)
    public Optional<AppUser> current() {
        return CurrentUser.name().flatMap(this::find);
    }

    /** Whether an enabled admin exists: until one does, only the command line can do anything. */
    @Transactional(readOnly = true)
    public boolean hasAdmin() {
        return store.enabledAdmins() > 0;
    }

    /** Whether any user exists (the sign-in page explains how to create the first one). */
    @Transactional(readOnly = true)
    public boolean hasUsers() {
        return store.any();
    }

    /** Gives a role; giving one the user already has changes nothing. Admin only. */
    @Transactional
    public AppUser grant(long userId, Grant grant) {
        access.requireAdmin();
        AppUser before = load(userId);
        checkGrant(grant);
        if (before.grants().contains(grant)) {
            return before;
        }
        store.addGrant(userId, grant);
        AppUser after = load(userId);
        record(grant.sectionId(), "GRANT", userId, before, after);
        return after;
    }

    /** Takes a role back; the last enabled admin keeps ADMIN. Admin only. */
    @Transactional
    public AppUser revoke(long userId, Grant grant) {
        access.requireAdmin();
        AppUser before = load(userId);
        if (!before.grants().contains(grant)) {
            return before;
        }
        if (grant.role() == Role.ADMIN && before.enabled()) {
            requireAnotherAdmin(before);
        }
        store.removeGrant(userId, grant);
        AppUser after = load(userId);
        record(grant.sectionId(), "REVOKE", userId, before, after);
        return after;
    }

    /** Makes a member the owner of an account: he or she reads its statement and balance. Admin only. */
    @Transactional
    public AppUser linkAccount(long userId, long accountId) {
        access.requireAdmin();
        AppUser before = load(userId);
        Account account = account(accountId);
        if (before.accountIds().contains(accountId)) {
            return before;
        }
        store.link(userId, accountId);
        AppUser after = load(userId);
        record(account.sectionId(), "LINK_ACCOUNT", userId, before, after);
        return after;
    }

    @Transactional
    public AppUser unlinkAccount(long userId, long accountId) {
        access.requireAdmin();
        AppUser before = load(userId);
        if (!before.accountIds().contains(accountId)) {
            return before;
        }
        store.unlink(userId, accountId);
        AppUser after = load(userId);
        record(account(accountId).sectionId(), "UNLINK_ACCOUNT", userId, before, after);
        return after;
    }

    /**
     * A disabled user cannot sign in, his or her API tokens stop working and an open session ends
     * at its next request. The last enabled admin cannot be disabled. Admin only.
     */
    @Transactional
    public AppUser disable(long userId) {
        return setEnabled(userId, false);
    }

    @Transactional
    public AppUser enable(long userId) {
        return setEnabled(userId, true);
    }

    private AppUser setEnabled(long userId, boolean enabled) {
        access.requireAdmin();
        AppUser before = load(userId);
        if (before.enabled() == enabled) {
            return before;
        }
        if (!enabled && before.isAdmin()) {
            requireAnotherAdmin(before);
        }
        store.setEnabled(userId, enabled);
        AppUser after = load(userId);
        record(null, enabled ? "ENABLE" : "DISABLE", userId, before, after);
        return after;
    }

    /**
     * An admin sets a new password for anyone (himself or herself included), without the old one: the
     * reset of a forgotten password. Admin only: users change their own with {@link #changeOwnPassword},
     * which asks for the current one, so that an open (or stolen) session is not enough.
     */
    @Transactional
    public void changePassword(long userId, String newPassword) {
        access.requireAdmin();
        AppUser user = load(userId);
        setPassword(user.id(), user.username(), newPassword);
    }

    /**
     * The signed-in user replaces his or her password, giving the current one and the new one twice.
     * A wrong current password changes nothing and counts as a failed sign-in of that username in the
     * {@link LoginThrottle}: guessing it here is no easier than on the sign-in form, and the lock it
     * leads to holds for both (even the right password is refused meanwhile).
     */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword, String confirmation) {
        String username = normalize(CurrentUser.name().orElseThrow(() -> new AccessDeniedException("change own password: nobody signed in")));
        UserStore.Row me = store.find(username).orElseThrow(() -> new UserRejectedException(UserRejection.USER_UNKNOWN, username));
        checkCurrentPassword(me, currentPassword);
        if (!Objects.equals(newPassword, confirmation)) {
            throw new UserRejectedException(UserRejection.PASSWORD_CONFIRMATION_DIFFERS);
        }
        if (Objects.equals(newPassword, currentPassword)) {
            throw new UserRejectedException(UserRejection.PASSWORD_UNCHANGED);
        }
        setPassword(me.id(), me.username(), newPassword);
    }

    private void checkCurrentPassword(UserStore.Row me, String given) {
        Optional<Duration> locked = throttle.lockedFor(me.username(), null);
        if (locked.isPresent()) {
            throw new UserRejectedException(UserRejection.CURRENT_PASSWORD_LOCKED, LoginThrottle.wholeMinutes(locked.get()));
        }
        // BCrypt reads 72 bytes at most: a longer password cannot be the stored one (and is not handed to it)
        boolean right = given != null && given.getBytes(StandardCharsets.UTF_8).length <= SecurityLimits.PASSWORD_MAX_BYTES
                && encoder.matches(given, me.passwordHash());
        if (right) {
            throttle.succeeded(me.username());
            return;
        }
        throttle.failed(me.username(), null);
        Optional<Duration> nowLocked = throttle.lockedFor(me.username(), null);
        if (nowLocked.isPresent()) {
            // the failure that locks says so at once
            throw new UserRejectedException(UserRejection.CURRENT_PASSWORD_LOCKED, LoginThrottle.wholeMinutes(nowLocked.get()));
        }
        throw new UserRejectedException(UserRejection.CURRENT_PASSWORD_WRONG);
    }

    private void setPassword(long userId, String username, String newPassword) {
        checkPassword(username, newPassword);
        store.setPasswordHash(userId, encoder.encode(newPassword));
        // the audit line says that it changed, never what it is
        record(null, "CHANGE_PASSWORD", userId, null, null);
    }

    private void requireAnotherAdmin(AppUser admin) {
        if (store.enabledAdmins() <= 1) {
            throw new UserRejectedException(UserRejection.LAST_ADMIN, admin.username());
        }
    }

    private static void checkPassword(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < SecurityLimits.PASSWORD_MIN) {
            throw new UserRejectedException(UserRejection.PASSWORD_TOO_SHORT, SecurityLimits.PASSWORD_MIN);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > SecurityLimits.PASSWORD_MAX_BYTES) {
            throw new UserRejectedException(UserRejection.PASSWORD_TOO_LONG, SecurityLimits.PASSWORD_MAX_BYTES);
        }
        if (normalize(password).equals(username)) {
            throw new UserRejectedException(UserRejection.PASSWORD_IS_USERNAME);
        }
    }

    private void checkGrant(Grant grant) {
        if (grant.role() == Role.ADMIN && !grant.isClubWide()) {
            throw new UserRejectedException(UserRejection.ADMIN_CLUB_WIDE);
        }
        if (!grant.isClubWide() && sections.find(grant.sectionId()).isEmpty()) {
            throw new UserRejectedException(UserRejection.SECTION_UNKNOWN, String.valueOf(grant.sectionId()));
        }
    }

    private Account account(long accountId) {
        try {
            return accounts.get(accountId);
        } catch (RejectedException unknown) {
            throw new UserRejectedException(UserRejection.ACCOUNT_UNKNOWN, String.valueOf(accountId));
        }
    }

    private AppUser load(long userId) {
        UserStore.Row row = store.find(userId).orElseThrow(() -> new UserRejectedException(UserRejection.USER_UNKNOWN, String.valueOf(userId)));
        return user(row, store.grants(userId), store.accounts(userId));
    }

    private static AppUser user(UserStore.Row r, List<Grant> grants, List<Long> accountIds) {
        return new AppUser(r.id(), r.username(), r.displayName(), r.enabled(), r.createdAt(), grants, accountIds);
    }

    private void record(Long sectionId, String action, long userId, AppUser before, AppUser after) {
        events.publishEvent(new Change(access.actor(), sectionId, action, "user", Long.toString(userId), before, after));
    }
}
