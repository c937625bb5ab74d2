package org.envol.openflyers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.Change;
import org.envol.ledger.LedgerAccess;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mapping table OpenFlyers account ↔ Envol account, per section. Read by whoever reads the
 * section; changed by its treasurers (and admins). Every change is in the audit log.
 */
@Service
public class AccountMappings {

    /** The longest OpenFlyers account id kept (OpenFlyers ids are numbers; exports may pad them). */
    public static final int ID_MAX = 30;
    public static final int NAME_MAX = 200;

    private final JdbcClient jdbc;
    private final LedgerAccess access;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;

    AccountMappings(JdbcClient jdbc, LedgerAccess access, AccountService accounts, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.accounts = accounts;
        this.events = events;
    }

    /** Every mapping of the section, by OpenFlyers id. */
    @Transactional(readOnly = true)
    public Map<String, AccountMapping> all(long sectionId) {
        access.requireRead(sectionId);
        Map<String, AccountMapping> out = new LinkedHashMap<>();
        jdbc.sql("select section_id, openflyers_id, openflyers_name, account_id from openflyers_account where section_id = :s"
                + " order by openflyers_name, openflyers_id")
                .param("s", sectionId)
                .query((rs, n) -> new AccountMapping(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4) == null ? null : rs.getLong(4)))
                .list().forEach(m -> out.put(m.openFlyersId(), m));
        return out;
    }

    @Transactional(readOnly = true)
    public Optional<AccountMapping> find(long sectionId, String openFlyersId) {
        return Optional.ofNullable(all(sectionId).get(openFlyersId));
    }

    /**
     * Maps an OpenFlyers account to an account of the section, or to nothing (ignore) when
     * {@code accountId} is null. Replaces an earlier mapping.
     */
    @Transactional
    public AccountMapping map(long sectionId, String openFlyersId, String openFlyersName, Long accountId) {
        access.requireWrite(sectionId);
        String id = clean(openFlyersId, ID_MAX, "openflyers.mapping.id.invalid");
        String name = openFlyersName == null || openFlyersName.isBlank() ? id : clean(openFlyersName, NAME_MAX, "openflyers.mapping.name.invalid");
        if (accountId != null) {
            Account account = accounts.get(accountId);
            if (account.sectionId() != sectionId) {
                throw new OpenFlyersException("openflyers.mapping.account.otherSection", account.display());
            }
        }
        Optional<AccountMapping> before = find(sectionId, id);
        if (before.isPresent()) {
            jdbc.sql("update openflyers_account set openflyers_name = :n, account_id = :a, updated_at = current_timestamp"
                    + " where section_id = :s and openflyers_id = :i")
                    .param("n", name).param("a", accountId).param("s", sectionId).param("i", id).update();
        } else {
            jdbc.sql("insert into openflyers_account (section_id, openflyers_id, openflyers_name, account_id) values (:s, :i, :n, :a)")
                    .param("n", name).param("a", accountId).param("s", sectionId).param("i", id).update();
        }
        AccountMapping after = new AccountMapping(sectionId, id, name, accountId);
        events.publishEvent(new Change(access.actor(), sectionId, before.isPresent() ? "UPDATE" : "CREATE", "openflyers_account", id,
                before.orElse(null), after));
        return after;
    }

    /** Forgets a mapping: the OpenFlyers account is unmapped again. */
    @Transactional
    public void remove(long sectionId, String openFlyersId) {
        access.requireWrite(sectionId);
        Optional<AccountMapping> before = find(sectionId, openFlyersId);
        if (before.isEmpty()) {
            return;
        }
        jdbc.sql("delete from openflyers_account where section_id = :s and openflyers_id = :i")
                .param("s", sectionId).param("i", openFlyersId).update();
        events.publishEvent(new Change(access.actor(), sectionId, "DELETE", "openflyers_account", openFlyersId, before.get(), null));
    }

    private static String clean(String text, int max, String problem) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > max) {
            throw new OpenFlyersException(problem, text == null ? "" : text);
        }
        return t;
    }

    /** The mappings of the section that point at accounts of these codes' prefixes (e.g. "411"). */
    @Transactional(readOnly = true)
    public List<AccountMapping> toPrefix(long sectionId, String prefix) {
        Map<Long, Account> byId = new java.util.HashMap<>();
        accounts.listByPrefix(sectionId, prefix).forEach(a -> byId.put(a.id(), a));
        return all(sectionId).values().stream().filter(m -> m.accountId() != null && byId.containsKey(m.accountId())).toList();
    }

    /**
     * « Créer le compte »: creates the member account (411) labelled with the OpenFlyers name and
     * maps the OpenFlyers account to it, in one go.
     */
    @Transactional
    public AccountMapping mapToNewMemberAccount(long sectionId, String openFlyersId, String openFlyersName) {
        access.requireWrite(sectionId);
        String name = openFlyersName == null || openFlyersName.isBlank() ? openFlyersId : openFlyersName;
        Account created = accounts.create(sectionId, BalanceImport.MEMBER_PREFIX, name == null ? "" : name.strip());
        return map(sectionId, openFlyersId, name, created.id());
    }
}
