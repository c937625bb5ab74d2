package org.envol.security;

import java.util.Set;
import org.envol.ledger.LedgerAccess;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The ledger's access rules, answered from the signed-in user's authorities (see {@link Authorities}). */
@Component
class SecurityLedgerAccess implements LedgerAccess {

    @Override
    public String actor() {
        return CurrentUser.name().orElse("anonyme");
    }

    private static Set<String> authorities() {
        return CurrentUser.authorities();
    }

    private static boolean has(Set<String> a, long sectionId, Role role) {
        return a.contains(Authorities.section(sectionId, role)) || a.contains(Authorities.section(null, role));
    }

    @Override
    public Set<Long> ownAccountIds() {
        String prefix = Authorities.account(0).replace("0", "");
        Set<Long> ids = new java.util.TreeSet<>();
        for (String a : authorities()) {
            if (a.startsWith(prefix)) {
                ids.add(Long.parseLong(a.substring(prefix.length())));
            }
        }
        return ids;
    }

    @Override
    public boolean canRead(long sectionId) {
        Set<String> a = authorities();
        return a.contains(Authorities.ADMIN) || has(a, sectionId, Role.TREASURER) || has(a, sectionId, Role.ACCOUNTANT);
    }

    @Override
    public boolean clubWide() {
        Set<String> a = authorities();
        return a.contains(Authorities.ADMIN) || a.contains(Authorities.section(null, Role.TREASURER))
                || a.contains(Authorities.section(null, Role.ACCOUNTANT));
    }

    @Override
    public void requireRead(long sectionId) {
        if (!canRead(sectionId)) {
            throw new AccessDeniedException("read section " + sectionId);
        }
    }

    @Override
    public void requireWrite(long sectionId) {
        Set<String> a = authorities();
        if (!(a.contains(Authorities.ADMIN) || has(a, sectionId, Role.TREASURER))) {
            throw new AccessDeniedException("write section " + sectionId);
        }
    }

    @Override
    public void requireAccountRead(long sectionId, long accountId) {
        if (!canRead(sectionId) && !authorities().contains(Authorities.account(accountId))) {
            throw new AccessDeniedException("read account " + accountId);
        }
    }

    @Override
    public void requireChartWrite() {
        Set<String> a = authorities();
        if (!(a.contains(Authorities.ADMIN) || a.stream().anyMatch(s -> s.startsWith("SECTION_") && s.endsWith("_" + Role.TREASURER.name())))) {
            throw new AccessDeniedException("write chart");
        }
    }

    @Override
    public void requireAdmin() {
        if (!authorities().contains(Authorities.ADMIN)) {
            throw new AccessDeniedException("admin");
        }
    }
}
