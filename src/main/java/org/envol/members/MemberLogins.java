package org.envol.members;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.envol.security.AppUser;
import org.envol.security.Grant;
import org.envol.security.Role;
import org.envol.security.SystemActor;
import org.envol.security.UserService;
import org.springframework.stereotype.Component;

/**
 * The members' logins, through the security feature's {@link UserService}. Its acts are an
 * admin's; a treasurer's right to give a member his or her login (MEMBER role in the member's
 * sections, the member's own accounts, nothing more) is checked by {@link MemberService} first,
 * then the act runs as an admin under the treasurer's name, so that the audit log names who did it.
 */
@Component
class MemberLogins {

    /** No 0/O, 1/l/I: read aloud or copied from a screen without mistakes. */
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserService users;
    private final MemberAccess access;

    MemberLogins(UserService users, MemberAccess access) {
        this.users = users;
        this.access = access;
    }

    AppUser create(String username, String displayName, String password, Collection<Long> sectionIds, Collection<Long> accountIds) {
        return asChecked(() -> {
            AppUser user = users.create(username, displayName, password,
                    sectionIds.stream().map(id -> Grant.inSection(id, Role.MEMBER)).toList());
            accountIds.forEach(a -> users.linkAccount(user.id(), a));
            return users.get(user.username());
        });
    }

    Optional<AppUser> find(String username) {
        return asChecked(() -> users.find(username));
    }

    Optional<AppUser> byId(long userId) {
        return asChecked(() -> users.list().stream().filter(u -> u.id() == userId).findFirst());
    }

    /** The member's login reads the account and holds the MEMBER role of its section. */
    void joined(long userId, long sectionId, Long accountId) {
        asChecked(() -> {
            users.grant(userId, Grant.inSection(sectionId, Role.MEMBER));
            if (accountId != null) {
                users.linkAccount(userId, accountId);
            }
            return null;
        });
    }

    /** The login loses the section's MEMBER role but still reads the account (its refund, its statement). */
    void left(long userId, long sectionId) {
        asChecked(() -> users.revoke(userId, Grant.inSection(sectionId, Role.MEMBER)));
    }

    void link(long userId, List<Membership> stays) {
        asChecked(() -> {
            for (Membership s : stays) {
                if (s.active()) {
                    users.grant(userId, Grant.inSection(s.sectionId(), Role.MEMBER));
                }
                if (s.accountId() != null) {
                    users.linkAccount(userId, s.accountId());
                }
            }
            return null;
        });
    }

    static String generatePassword() {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < MemberLimits.GENERATED_PASSWORD_LENGTH; i++) {
            p.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return p.toString();
    }

    /** Runs a user act that {@link MemberService} has allowed, as an admin named after the current user. */
    private <T> T asChecked(java.util.function.Supplier<T> act) {
        return SystemActor.run(access.actor(), act);
    }
}
