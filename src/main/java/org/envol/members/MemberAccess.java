package org.envol.members;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.envol.ledger.LedgerAccess;
import org.envol.security.AppUser;
import org.envol.security.UserService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with members, from the ledger's section roles: the treasurers of a section (and
 * admins) manage its members, its accountants read them, a member reads himself or herself only.
 * A member who flies in several sections is managed by the treasurers of any of them.
 */
@Component
class MemberAccess {

    private final LedgerAccess access;
    private final UserService users;

    MemberAccess(LedgerAccess access, UserService users) {
        this.access = access;
        this.users = users;
    }

    String actor() {
        return access.actor();
    }

    boolean canWrite(long sectionId) {
        try {
            access.requireWrite(sectionId);
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    boolean isAdmin() {
        try {
            access.requireAdmin();
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    void requireWrite(long sectionId) {
        access.requireWrite(sectionId);
    }

    void requireRead(long sectionId) {
        access.requireRead(sectionId);
    }

    void requireAdmin() {
        access.requireAdmin();
    }

    /** Whether the current user may change this member (in any of the sections he or she is or was in). */
    boolean canManage(Collection<Membership> stays) {
        return stays.isEmpty() ? isAdmin() : stays.stream().anyMatch(s -> canWrite(s.sectionId()));
    }

    void requireManage(Collection<Membership> stays) {
        if (!canManage(stays)) {
            throw new AccessDeniedException("write section " + stays.stream().map(Membership::sectionId).findFirst().orElse(0L));
        }
    }

    /** Read a member: the member, or whoever reads one of his or her sections. */
    void requireRead(Member member, List<Membership> stays) {
        if (stays.stream().anyMatch(s -> access.canRead(s.sectionId())) || stays.isEmpty() && isAdmin() || isSelf(member)) {
            return;
        }
        throw new AccessDeniedException("read section " + stays.stream().map(Membership::sectionId).findFirst().orElse(0L));
    }

    /** Whether the current user reads this account: a reader of its section, or the member who owns it. */
    boolean readsAccount(long sectionId, long accountId) {
        return access.canRead(sectionId) || access.ownAccountIds().contains(accountId);
    }

    boolean isSelf(Member member) {
        return member.userId() != null && currentUserId().filter(member.userId()::equals).isPresent();
    }

    /** The signed-in user's id, if he or she is a user of Envol. */
    Optional<Long> currentUserId() {
        return users.current().map(AppUser::id);
    }
}
