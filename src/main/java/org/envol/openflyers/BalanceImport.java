package org.envol.openflyers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.EntryDraft;
import org.envol.ledger.EntrySearch;
import org.envol.ledger.LedgerAccess;
import org.envol.ledger.LedgerService;
import org.envol.ledger.Limits;
import org.envol.ledger.LineDraft;
import org.envol.ledger.Source;
import org.envol.ledger.SyncReport;
import org.envol.ledger.SyncRequest;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Initial balances from OpenFlyers' balance file: one opening entry per ticked member account,
 * against the section's association funds (102), written through the ledger's sync with source
 * kind {@value #KIND} and the OpenFlyers account id as reference — so an account is initialised
 * once, and a second run finds it done.
 */
@Service
public class BalanceImport {

    public static final String KIND = "openflyers-init";
    public static final String MEMBER_PREFIX = "411";
    public static final String FUNDS_CODE = "102";
    static final String JOURNAL = "OD";

    private final AccountMappings mappings;
    private final AccountService accounts;
    private final EntrySearch search;
    private final LedgerService ledger;
    private final LedgerAccess access;
    private final MessageSource texts;

    BalanceImport(AccountMappings mappings, AccountService accounts, EntrySearch search, LedgerService ledger, LedgerAccess access,
            MessageSource texts) {
        this.mappings = mappings;
        this.accounts = accounts;
        this.search = search;
        this.ledger = ledger;
        this.access = access;
        this.texts = texts;
    }

    /** Every line of the file with its mapping in the section and whether it is initialised. */
    @Transactional(readOnly = true)
    public List<BalanceAccount> preview(long sectionId, BalanceFile file) {
        access.requireRead(sectionId);
        Map<String, AccountMapping> all = mappings.all(sectionId);
        Map<Long, Account> byId = new LinkedHashMap<>();
        accounts.list(sectionId).forEach(a -> byId.put(a.id(), a));
        List<BalanceAccount> out = new ArrayList<>();
        for (BalanceLine line : file.lines()) {
            AccountMapping m = all.get(line.openFlyersId());
            Account account = m == null || m.ignored() ? null : byId.get(m.accountId());
            Long entry = search.bySource(sectionId, new Source(KIND, line.openFlyersId())).map(e -> e.id()).orElse(null);
            out.add(new BalanceAccount(line, m, account, entry));
        }
        return out;
    }

    /** The OpenFlyers ids a treasurer could tick now: mapped to a member account, not initialised, not zero. */
    @Transactional(readOnly = true)
    public List<String> pending(long sectionId, BalanceFile file) {
        return preview(sectionId, file).stream().filter(BalanceAccount::tickable).map(a -> a.line().openFlyersId()).toList();
    }

    /** The section's association funds account, if it has one. */
    @Transactional(readOnly = true)
    public Optional<Account> funds(long sectionId) {
        return accounts.listByPrefix(sectionId, FUNDS_CODE).stream().filter(Account::active).findFirst();
    }

    /** What an initialisation did (or, in a dry run, would do). */
    public record Result(boolean dryRun, List<BalanceAccount> initialised, Account funds, boolean fundsCreated, SyncReport report) {

        public long totalCents() {
            return initialised.stream().mapToLong(a -> a.line().balanceCents()).sum();
        }
    }

    /**
     * Writes one opening entry dated {@code date} for each of {@code ids}, all or nothing. Refused
     * for an account that is not in the file, not mapped to a member account of the section, has a
     * zero balance or is already initialised; when the section has no 102 account, refused unless
     * {@code createFunds} (the treasurer's consent to create it).
     */
    @Transactional
    public Result initialise(long sectionId, BalanceFile file, Collection<String> ids, LocalDate date, boolean createFunds,
            boolean dryRun) {
        access.requireWrite(sectionId);
        if (date == null) {
            throw new OpenFlyersException("openflyers.init.date");
        }
        Set<String> wanted = new LinkedHashSet<>();
        ids.forEach(id -> wanted.add(id.strip()));
        if (wanted.isEmpty()) {
            throw new OpenFlyersException("openflyers.init.none");
        }
        Map<String, BalanceAccount> byId = new LinkedHashMap<>();
        preview(sectionId, file).forEach(a -> byId.put(a.line().openFlyersId(), a));
        List<BalanceAccount> chosen = new ArrayList<>();
        for (String id : wanted) {
            BalanceAccount a = byId.get(id);
            if (a == null) {
                throw new OpenFlyersException("openflyers.init.notInFile", id);
            }
            if (a.initialised()) {
                throw new OpenFlyersException("openflyers.init.already", id, a.line().name());
            }
            if (!a.mappedToMember()) {
                throw new OpenFlyersException("openflyers.init.notMapped", id, a.line().name());
            }
            if (a.line().balanceCents() == 0) {
                throw new OpenFlyersException("openflyers.init.zero", id, a.line().name());
            }
            chosen.add(a);
        }
        Optional<Account> existing = funds(sectionId);
        if (existing.isEmpty() && !createFunds) {
            throw new OpenFlyersException("openflyers.init.funds.missing");
        }
        if (dryRun) {
            return new Result(true, chosen, existing.orElse(null), existing.isEmpty(), null);
        }
        Account funds = existing.orElseGet(() -> accounts.create(sectionId, FUNDS_CODE, label("openflyers.init.funds.label")));
        Map<String, EntryDraft> drafts = new LinkedHashMap<>();
        for (BalanceAccount a : chosen) {
            // OpenFlyers: positive = the pilot is in credit; so debit 102, credit 411 (formats.md §2a)
            long cents = a.line().balanceCents();
            String label = label("openflyers.init.entry.label", a.line().name());
            drafts.put(a.line().openFlyersId(), new EntryDraft(sectionId, JOURNAL, date,
                    label.length() > Limits.LABEL_MAX ? label.substring(0, Limits.LABEL_MAX) : label, null, null,
                    List.of(LineDraft.of(funds.id(), cents), LineDraft.of(a.account().id(), -cents))));
        }
        SyncReport report = ledger.sync(new SyncRequest(sectionId, KIND, date, date, drafts, drafts.keySet(), false));
        return new Result(false, chosen, funds, existing.isEmpty(), report);
    }

    /** The books are kept in French, whoever writes them. */
    private String label(String key, Object... args) {
        return texts.getMessage(key, args, Locale.FRENCH);
    }
}
