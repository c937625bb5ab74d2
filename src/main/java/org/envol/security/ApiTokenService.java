package org.envol.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.envol.ledger.Change;
import org.envol.ledger.LedgerAccess;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: {@code envol_} followed by 32 random bytes in base64url. Only the token's SHA-256 is
 * stored, so the token is shown once, at creation. A token acts as its user, with the user's
 * current roles; it stops working when revoked or when the user is disabled. A user manages his
 * or her own tokens; an admin manages everyone's.
 */
@Service
public class ApiTokenService {

    public static final String PREFIX = "envol_";
    private static final int RANDOM_BYTES = 32;
    /** The prefix and 43 base64url characters (32 bytes, no padding). */
    private static final int TOKEN_LENGTH = PREFIX.length() + 43;

    private static final String COLUMNS = "select t.id, u.username, t.name, t.created_at, t.last_used_at, t.revoked_at"
            + " from api_token t join app_user u on u.id = t.user_id";

    private final JdbcClient jdbc;
    private final UserStore users;
    private final LedgerAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(JdbcClient jdbc, UserStore users, LedgerAccess access, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a token for a user: the user himself or herself, or an admin. */
    @Transactional
    public IssuedToken create(String username, String name) {
        UserStore.Row user = owner(username);
        String n = name == null ? "" : name.trim();
        if (n.isEmpty()) {
            throw new UserRejectedException(UserRejection.TOKEN_NAME_MISSING);
        }
        if (n.length() > SecurityLimits.TOKEN_NAME_MAX) {
            throw new UserRejectedException(UserRejection.TOKEN_NAME_TOO_LONG, SecurityLimits.TOKEN_NAME_MAX);
        }
        if (jdbc.sql("select count(*) from api_token where user_id = :user and revoked_at is null").param("user", user.id())
                .query(Long.class).single() >= SecurityLimits.ACTIVE_TOKENS_PER_USER_MAX) {
            throw new UserRejectedException(UserRejection.TOKEN_LIMIT, SecurityLimits.ACTIVE_TOKENS_PER_USER_MAX);
        }
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into api_token (user_id, name, token_hash, created_at) values (:user, :name, :hash, :at)")
                .param("user", user.id()).param("name", n).param("hash", sha256(secret)).param("at", OffsetDateTime.now(clock))
                .update(key, "id");
        ApiToken token = load(key.getKeyAs(Long.class));
        record("CREATE", token, null, token);
        return new IssuedToken(token, secret);
    }

    /** Creates a token for the signed-in user. */
    @Transactional
    public IssuedToken createMine(String name) {
        return create(me(), name);
    }

    /** A user's tokens, newest first, revoked ones included: the user himself or herself, or an admin. */
    @Transactional(readOnly = true)
    public List<ApiToken> list(String username) {
        UserStore.Row user = owner(username);
        return jdbc.sql(COLUMNS + " where t.user_id = :user order by t.id desc").param("user", user.id()).query(ApiToken.class).list();
    }

    @Transactional(readOnly = true)
    public List<ApiToken> mine() {
        return CurrentUser.name().filter(n -> users.find(n).isPresent()).map(this::list).orElse(List.of());
    }

    /** Every token of every user. Admin only. */
    @Transactional(readOnly = true)
    public List<ApiToken> all() {
        access.requireAdmin();
        return jdbc.sql(COLUMNS + " order by u.username, t.id desc").query(ApiToken.class).list();
    }

    /** Revokes a token for good: its owner or an admin. Revoking a revoked token changes nothing. */
    @Transactional
    public ApiToken revoke(long tokenId) {
        ApiToken before = jdbc.sql(COLUMNS + " where t.id = :id").param("id", tokenId).query(ApiToken.class).optional()
                .orElseThrow(() -> new UserRejectedException(UserRejection.TOKEN_UNKNOWN, String.valueOf(tokenId)));
        if (!CurrentUser.is(before.username())) {
            try {
                access.requireAdmin();
            } catch (org.springframework.security.access.AccessDeniedException e) {
                // someone else's token: do not even confirm that it exists
                throw new UserRejectedException(UserRejection.TOKEN_UNKNOWN, String.valueOf(tokenId));
            }
        }
        if (!before.active()) {
            return before;
        }
        jdbc.sql("update api_token set revoked_at = :at where id = :id").param("at", OffsetDateTime.now(clock)).param("id", tokenId)
                .update();
        ApiToken after = load(tokenId);
        record("REVOKE", after, before, after);
        return after;
    }

    /**
     * The username a presented token acts for, if the token is known, not revoked, and its user
     * enabled; notes when it was last used. Called by the API's filter, before anyone is signed in.
     */
    @Transactional
    Optional<String> authenticate(String secret) {
        if (secret == null || secret.length() != TOKEN_LENGTH || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        record Found(long id, String username, boolean enabled) {
        }
        Optional<Found> found = jdbc.sql("select t.id, u.username, u.enabled from api_token t join app_user u on u.id = t.user_id"
                + " where t.token_hash = :hash and t.revoked_at is null").param("hash", sha256(secret)).query(Found.class).optional();
        if (found.isEmpty() || !found.get().enabled()) {
            return Optional.empty();
        }
        jdbc.sql("update api_token set last_used_at = :at where id = :id").param("at", OffsetDateTime.now(clock))
                .param("id", found.get().id()).update();
        return Optional.of(found.get().username());
    }

    private UserStore.Row owner(String username) {
        String u = UserService.normalize(username);
        if (!CurrentUser.is(u)) {
            access.requireAdmin();
        }
        return users.find(u).orElseThrow(() -> new UserRejectedException(UserRejection.USER_UNKNOWN, u));
    }

    private static String me() {
        return CurrentUser.name().orElseThrow(() -> new UserRejectedException(UserRejection.USER_UNKNOWN, ""));
    }

    private ApiToken load(long id) {
        return jdbc.sql(COLUMNS + " where t.id = :id").param("id", id).query(ApiToken.class).single();
    }

    private void record(String action, ApiToken token, ApiToken before, ApiToken after) {
        events.publishEvent(new Change(access.actor(), null, action, "api_token", Long.toString(token.id()), before, after));
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
