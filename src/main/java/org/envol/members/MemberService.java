package org.envol.members;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.BalanceService;
import org.envol.ledger.Change;
import org.envol.ledger.Money;
import org.envol.ledger.Section;
import org.envol.ledger.SectionService;
import org.envol.security.AppUser;
import org.envol.security.UserRejectedException;
import org.envol.security.UserRejection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members of the club: who they are, the sections they fly in with their member account (411) in
 * each, who pays for them, their login, and their leaving. Treasurers (of a member's section) and
 * admins change members, accountants read them, a member reads himself or herself. Every change
 * goes to the audit log.
 */
@Service
public class MemberService {

    /** The chart code of member accounts. */
    public static final String MEMBER_ACCOUNT_CODE = "411";

    /** Balances count every posted line, also those dated later than today. */
    static final LocalDate ALL_TIME = LocalDate.of(9998, 12, 31);

    private final MemberStore store;
    private final MemberAccess access;
    private final MemberLogins logins;
    private final AccountService accounts;
    private final BalanceService balances;
    private final SectionService sections;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MemberService(MemberStore store, MemberAccess access, MemberLogins logins, AccountService accounts, BalanceService balances,
            SectionService sections, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.access = access;
        this.logins = logins;
        this.accounts = accounts;
        this.balances = balances;
        this.sections = sections;
        this.events = events;
        this.clock = clock;
    }

    /** A member's login as the member's page shows it. */
    public record Login(long userId, String username, boolean enabled) {
    }

    /** A stay in a section with its member account and the account's balance. */
    public record Stay(Section section, LocalDate joinedOn, LocalDate leftOn, Account account, long balanceCents)
            implements AccountStanding {

        @Override
        public boolean ended() {
            return leftOn != null;
        }

        /** The account may be closed: the stay has ended and nothing is owed either way. */
        public boolean closable() {
            return ended() && account != null && account.active() && balanceCents == 0;
        }
    }

    /**
     * Everything the member's page shows; {@code canManage}: the user may change the member;
     * {@code canLeave}: he or she keeps every section the member flies in, so may record the leaving of the club.
     */
    public record Details(Member member, Member payer, List<Member> payees, List<Stay> stays, Login login, boolean canManage,
            boolean canLeave) {

        public boolean flagged() {
            return stays.stream().anyMatch(Stay::flagged);
        }

        public List<Long> activeSectionIds() {
            return stays.stream().filter(s -> !s.ended()).map(s -> s.section().id()).toList();
        }
    }

    /** A line of a section's members list. */
    public record Row(Member member, Membership stay, Account account, long balanceCents) implements AccountStanding {

        @Override
        public boolean ended() {
            return !stay.active();
        }
    }

    /** A login just created; {@code initialPassword} is shown once when it was generated, null when an admin typed it. */
    public record NewLogin(AppUser user, String initialPassword) {
    }

    // ---- reading

    /** A member with his or her stays, accounts, balances, payer and login. */
    @Transactional(readOnly = true)
    public Details get(long memberId) {
        Member m = load(memberId);
        List<Membership> stays = store.memberships(memberId);
        access.requireRead(m, stays);
        List<Stay> out = new ArrayList<>();
        for (Membership s : stays) {
            // an accountant of one section sees that the member also flies elsewhere, not the figures there
            Account account = s.accountId() == null || !access.readsAccount(s.sectionId(), s.accountId()) ? null : accounts.get(s.accountId());
            long balance = account == null ? 0 : balances.balanceCents(account.id(), ALL_TIME);
            out.add(new Stay(sections.get(s.sectionId()), s.joinedOn(), s.leftOn(), account, balance));
        }
        out.sort(Comparator.comparing((Stay s) -> s.section().code()));
        Member payer = m.payerId() == null ? null : store.find(m.payerId()).orElse(null);
        Login login = m.userId() == null ? null
                : logins.byId(m.userId()).map(u -> new Login(u.id(), u.username(), u.enabled())).orElse(null);
        boolean canManage = access.canManage(stays);
        return new Details(m, payer, store.paidBy(memberId), out, login, canManage,
                canManage && stays.stream().filter(Membership::active).allMatch(s -> access.canWrite(s.sectionId())));
    }

    /**
     * The members of a section with their account's balance: those who fly there and those who
     * left with a balance to settle; every one who ever flew there when {@code all}. {@code query}
     * keeps those whose name or e-mail contains it (without case or accents).
     */
    @Transactional(readOnly = true)
    public List<Row> list(long sectionId, String query, boolean all) {
        access.requireRead(sectionId);
        Map<Long, Membership> stays = store.membershipsOfSection(sectionId);
        Map<Long, Long> balanceByAccount = balances.accountBalances(sectionId, ALL_TIME);
        Map<Long, Account> accountById = accounts.listByPrefix(sectionId, MEMBER_ACCOUNT_CODE).stream()
                .collect(Collectors.toMap(Account::id, Function.identity()));
        String q = query == null ? "" : searchable(query.strip());
        List<Row> rows = new ArrayList<>();
        for (Member m : store.byIds(stays.keySet())) {
            Membership stay = stays.get(m.id());
            Account account = stay.accountId() == null ? null : accountById.get(stay.accountId());
            long balance = account == null ? 0 : balanceByAccount.getOrDefault(account.id(), 0L);
            Row row = new Row(m, stay, account, balance);
            if ((all || stay.active() || row.flagged()) && (q.isEmpty() || matches(m, q))) {
                rows.add(row);
            }
            if (rows.size() == MemberLimits.LIST_MAX) {
                break;
            }
        }
        return rows;
    }

    private static boolean matches(Member m, String q) {
        return searchable(m.lastName() + " " + m.firstName() + " " + m.firstName() + " " + m.lastName() + " "
                + Objects.requireNonNullElse(m.email(), "")).contains(q);
    }

    /** Lower-case, without accents: « Chloé » is found by « chloe ». */
    static String searchable(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /** A member by e-mail, for whoever may read him or her. */
    @Transactional(readOnly = true)
    public Optional<Member> findByEmail(String email) {
        Optional<Member> m = store.findByEmail(email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
        m.ifPresent(found -> access.requireRead(found, store.memberships(found.id())));
        return m;
    }

    /** The member whose login is the signed-in user, if any. */
    @Transactional(readOnly = true)
    public Optional<Member> own() {
        return access.currentUserId().flatMap(store::findByUser);
    }

    // ---- writing

    /** A new member who flies in these sections from {@code joinedOn}; each joining opens his or her account there. */
    @Transactional
    public Member create(MemberData data, Collection<Long> sectionIds, LocalDate joinedOn) {
        LocalDate on = joinedOn == null ? today() : joinedOn;
        Set<Long> ids = new LinkedHashSet<>(sectionIds);
        ids.forEach(access::requireWrite);
        MemberData d = data.normalized();
        List<MemberProblem> problems = new ArrayList<>(MemberChecks.fields(d, today()));
        problems.addAll(bookProblems(d, null));
        if (ids.isEmpty()) {
            problems.add(MemberProblem.of(MemberRule.NO_SECTION));
        }
        problems.addAll(dateProblems(on));
        reject(problems);
        long id = store.insert(d);
        Member created = load(id);
        record(null, "CREATE", id, null, created);
        ids.forEach(s -> join(id, s, on, null));
        return load(id);
    }

    /** Changes who the member is; the member's accounts follow a change of name. */
    @Transactional
    public Member update(long memberId, MemberData data) {
        Member before = load(memberId);
        List<Membership> stays = store.memberships(memberId);
        access.requireManage(stays);
        MemberData d = data.normalized();
        List<MemberProblem> problems = new ArrayList<>(MemberChecks.fields(d, today()));
        problems.addAll(bookProblems(d, memberId));
        reject(problems);
        if (d.equals(MemberData.of(before))) {
            return before;
        }
        store.update(memberId, d);
        Member after = load(memberId);
        if (!after.display().equals(before.display())) {
            relabel(stays, before.display(), after.display());
        }
        record(null, "UPDATE", memberId, before, after);
        return after;
    }

    /** Accounts still named after the member's former name take the new one (when it is free in the section). */
    private void relabel(List<Membership> stays, String from, String to) {
        for (Membership s : stays) {
            if (s.accountId() == null || !access.canWrite(s.sectionId())) {
                continue;
            }
            Account a = accounts.get(s.accountId());
            boolean free = accounts.listByPrefix(s.sectionId(), a.code()).stream()
                    .noneMatch(other -> other.id() != a.id() && other.code().equals(a.code()) && other.label().equals(to));
            if (a.label().equalsIgnoreCase(from) && free) {
                accounts.update(a.id(), to, a.active());
            }
        }
    }

    /** The member flies in the section from {@code on}: see {@link #join(long, long, LocalDate, Long)}. */
    @Transactional
    public Membership join(long memberId, long sectionId, LocalDate on) {
        return join(memberId, sectionId, on, null);
    }

    /**
     * The member flies in the section from {@code on}, with his or her account of the section:
     * the one of a former stay (reopened if it was closed), else {@code accountId} when given (a
     * 411 of the section nobody else owns), else the section's unowned 411 account labelled with
     * the member's name (an account that existed before the member was recorded: a migration),
     * else a new 411 « DUPONT Jean ». A member who had left the club is back. Joining a section
     * the member flies in changes nothing.
     */
    @Transactional
    public Membership join(long memberId, long sectionId, LocalDate joinedOn, Long accountId) {
        LocalDate on = joinedOn == null ? today() : joinedOn;
        Member m = load(memberId);
        access.requireWrite(sectionId);
        Section section = sections.get(sectionId);
        Optional<Membership> former = store.membership(memberId, sectionId);
        if (former.filter(Membership::active).isPresent()) {
            return former.get();
        }
        reject(dateProblems(on));
        long account = accountFor(m, section, former.map(Membership::accountId).orElse(null), accountId);
        if (former.map(Membership::accountId).isEmpty()) {
            store.linkAccount(memberId, sectionId, account);
        }
        store.join(memberId, sectionId, on);
        if (m.hasLeft()) {
            store.setLeftOn(memberId, null);
            record(null, "RETURN", memberId, m, load(memberId));
        }
        Membership joined = store.membership(memberId, sectionId).orElseThrow();
        record(sectionId, "JOIN_SECTION", memberId, former.orElse(null), joined);
        if (m.userId() != null) {
            logins.joined(m.userId(), sectionId, account);
        }
        return joined;
    }

    private long accountFor(Member m, Section section, Long formerAccount, Long chosen) {
        if (formerAccount != null) {
            Account a = accounts.get(formerAccount);
            if (!a.active()) {
                accounts.update(a.id(), a.label(), true);
            }
            return a.id();
        }
        List<Account> memberAccounts = accounts.listByPrefix(section.id(), MEMBER_ACCOUNT_CODE);
        Set<Long> owned = new java.util.HashSet<>(store.linkedAccounts(section.id()));
        Account picked;
        if (chosen != null) {
            picked = accounts.get(chosen);
            if (picked.sectionId() != section.id() || !picked.code().startsWith(MEMBER_ACCOUNT_CODE)) {
                throw new MemberRejectedException(MemberRule.ACCOUNT_NOT_411, picked.display(), section.code());
            }
            if (owned.contains(picked.id())) {
                Member owner = load(store.ownerOf(picked.id()).orElseThrow());
                throw new MemberRejectedException(MemberRule.ACCOUNT_OF_OTHER_MEMBER, picked.display(), owner.display());
            }
        } else {
            picked = memberAccounts.stream().filter(a -> !owned.contains(a.id()) && a.label().equalsIgnoreCase(m.display()))
                    .findFirst().orElseGet(() -> accounts.create(section.id(), MEMBER_ACCOUNT_CODE, freeLabel(m.display(), memberAccounts)));
        }
        if (!picked.active()) {
            accounts.update(picked.id(), picked.label(), true);
        }
        return picked.id();
    }

    /** « DUPONT Jean », or « DUPONT Jean (2) » when a homonym already has the first (whatever its case). */
    private static String freeLabel(String label, List<Account> memberAccounts) {
        Set<String> taken = memberAccounts.stream().filter(a -> a.code().equals(MEMBER_ACCOUNT_CODE))
                .map(a -> a.label().toLowerCase(Locale.FRENCH)).collect(Collectors.toSet());
        String candidate = label;
        for (int n = 2; taken.contains(candidate.toLowerCase(Locale.FRENCH)); n++) {
            candidate = label + " (" + n + ")";
        }
        return candidate;
    }

    /** The member stops flying in the section on {@code on}; the account stays, for the balance to be settled. */
    @Transactional
    public Membership leaveSection(long memberId, long sectionId, LocalDate leftOn) {
        LocalDate on = leftOn == null ? today() : leftOn;
        Member m = load(memberId);
        access.requireWrite(sectionId);
        Membership stay = store.membership(memberId, sectionId).filter(Membership::active)
                .orElseThrow(() -> new MemberRejectedException(MemberRule.NOT_IN_SECTION, m.display(), sections.get(sectionId).code()));
        List<MemberProblem> problems = new ArrayList<>(dateProblems(on));
        if (on.isBefore(stay.joinedOn())) {
            problems.add(MemberProblem.of(MemberRule.LEAVE_BEFORE_JOIN, on, stay.joinedOn()));
        }
        reject(problems);
        store.leave(memberId, sectionId, on);
        Membership after = store.membership(memberId, sectionId).orElseThrow();
        record(sectionId, "LEAVE_SECTION", memberId, stay, after);
        if (m.userId() != null) {
            logins.left(m.userId(), sectionId);
        }
        return after;
    }

    /**
     * The member leaves the club on {@code on}: every stay ends that day. The accounts stay open
     * until their balance is settled (see {@link #closeAccount(long, long)}); the member's login
     * still reads them.
     */
    @Transactional
    public Member leave(long memberId, LocalDate leftOn) {
        LocalDate on = leftOn == null ? today() : leftOn;
        Member before = load(memberId);
        List<Membership> stays = store.memberships(memberId);
        access.requireManage(stays);
        List<Membership> active = stays.stream().filter(Membership::active).toList();
        active.forEach(s -> access.requireWrite(s.sectionId()));
        if (before.hasLeft()) {
            return before;
        }
        List<MemberProblem> problems = new ArrayList<>(dateProblems(on));
        active.stream().filter(s -> on.isBefore(s.joinedOn())).findFirst()
                .ifPresent(s -> problems.add(MemberProblem.of(MemberRule.LEAVE_BEFORE_JOIN, on, s.joinedOn())));
        reject(problems);
        active.forEach(s -> leaveSection(memberId, s.sectionId(), on));
        store.setLeftOn(memberId, on);
        Member after = load(memberId);
        record(null, "LEAVE", memberId, before, after);
        return after;
    }

    /** Closes a member account once the stay has ended and its balance is zero (refunded or recovered). */
    @Transactional
    public Account closeAccount(long memberId, long accountId) {
        Member m = load(memberId);
        Membership stay = store.memberships(memberId).stream().filter(s -> Objects.equals(s.accountId(), accountId)).findFirst()
                .orElseThrow(() -> new MemberRejectedException(MemberRule.ACCOUNT_NOT_MEMBER, accountId, m.display()));
        access.requireWrite(stay.sectionId());
        Account account = accounts.get(accountId);
        if (stay.active()) {
            throw new MemberRejectedException(MemberRule.ACCOUNT_IN_USE, account.display(), sections.get(stay.sectionId()).code());
        }
        long balance = balances.balanceCents(accountId, ALL_TIME);
        if (balance != 0) {
            throw new MemberRejectedException(MemberRule.BALANCE_NOT_ZERO, account.display(), new Money.Cents(balance));
        }
        return account.active() ? accounts.update(accountId, account.label(), false) : account;
    }

    /**
     * Creates the member's login: the MEMBER role in each section he or she flies in and his or her
     * accounts. The username defaults to the e-mail (or « prenom.nom »); the password is generated
     * and returned once, unless an admin gives one.
     */
    @Transactional
    public NewLogin createLogin(long memberId, String username, String password) {
        Member m = load(memberId);
        List<Membership> stays = store.memberships(memberId);
        access.requireManage(stays);
        if (m.userId() != null) {
            throw new MemberRejectedException(MemberRule.LOGIN_EXISTS, m.display());
        }
        boolean typed = password != null && !password.isEmpty();
        if (typed && !access.isAdmin()) {
            throw new MemberRejectedException(MemberRule.PASSWORD_ADMIN_ONLY);
        }
        String pw = typed ? password : MemberLogins.generatePassword();
        String name = username == null || username.isBlank() ? defaultUsername(m) : username;
        String display = m.fullName().length() > 100 ? m.fullName().substring(0, 100) : m.fullName();
        AppUser user = logins.create(name, display, pw, stays.stream().filter(Membership::active).map(Membership::sectionId).toList(),
                stays.stream().map(Membership::accountId).filter(Objects::nonNull).toList());
        store.setUser(memberId, user.id());
        record(null, "CREATE_LOGIN", memberId, m, load(memberId));
        return new NewLogin(user, typed ? null : pw);
    }

    /** The e-mail when it can be a username, else « prenom.nom » without accents. */
    static String defaultUsername(Member m) {
        if (m.email() != null && m.email().matches("[a-z0-9][a-z0-9._@-]{1,59}")) {
            return m.email();
        }
        String name = searchable(m.firstName() + "." + m.lastName()).replaceAll("[^a-z0-9.-]", "");
        name = name.replaceAll("^[^a-z0-9]+", "");
        return name.length() < 2 ? "membre" + m.id() : name.substring(0, Math.min(name.length(), 60));
    }

    /** Links an existing user to the member (admins only: it gives that user the member's accounts). */
    @Transactional
    public AppUser linkLogin(long memberId, String username) {
        access.requireAdmin();
        Member m = load(memberId);
        if (m.userId() != null) {
            throw new MemberRejectedException(MemberRule.LOGIN_EXISTS, m.display());
        }
        AppUser user = logins.find(username).orElseThrow(() -> new UserRejectedException(UserRejection.USER_UNKNOWN, username));
        Optional<Member> other = store.findByUser(user.id());
        if (other.isPresent()) {
            throw new MemberRejectedException(MemberRule.LOGIN_OF_OTHER_MEMBER, user.username(), other.get().display());
        }
        store.setUser(memberId, user.id());
        logins.link(user.id(), store.memberships(memberId));
        record(null, "LINK_LOGIN", memberId, m, load(memberId));
        return logins.find(user.username()).orElseThrow();
    }

    // ---- rules

    /** What the rest of the club says about these fields: e-mail and identity free, payer known and no loop. */
    private List<MemberProblem> bookProblems(MemberData d, Long selfId) {
        List<MemberProblem> out = new ArrayList<>();
        if (d.email() != null) {
            store.findByEmail(d.email()).filter(o -> !Objects.equals(o.id(), selfId))
                    .ifPresent(o -> out.add(MemberProblem.of(MemberRule.EMAIL_TAKEN, d.email(), o.display())));
        } else if (d.lastName() != null && d.firstName() != null && d.birthDate() != null) {
            store.findByNameAndBirth(d.lastName(), d.firstName(), d.birthDate()).stream().filter(o -> !Objects.equals(o.id(), selfId))
                    .findFirst().ifPresent(o -> out.add(MemberProblem.of(MemberRule.DUPLICATE, o.display(), d.birthDate())));
        }
        if (d.payerId() != null) {
            Optional<Member> payer = store.find(d.payerId());
            if (payer.isEmpty()) {
                out.add(MemberProblem.of(MemberRule.PAYER_UNKNOWN, d.payerId()));
            } else if (Objects.equals(d.payerId(), selfId)) {
                out.add(MemberProblem.of(MemberRule.PAYER_SELF));
            } else if (selfId != null) {
                Map<Long, Long> payers = store.payers();
                List<Long> loop = PayerChain.cycle(selfId, d.payerId(), payers::get);
                if (!loop.isEmpty()) {
                    out.add(MemberProblem.of(MemberRule.PAYER_CYCLE, names(loop)));
                }
            }
        }
        return out;
    }

    /** « DUPONT Jean → DUPONT Paul → DUPONT Jean ». */
    String names(List<Long> chain) {
        Map<Long, String> names = new HashMap<>();
        store.byIds(new LinkedHashSet<>(chain)).forEach(m -> names.put(m.id(), m.display()));
        return chain.stream().map(names::get).collect(Collectors.joining(" → "));
    }

    private List<MemberProblem> dateProblems(LocalDate on) {
        if (on.isAfter(today())) {
            return List.of(MemberProblem.of(MemberRule.DATE_IN_FUTURE, on));
        }
        return List.of();
    }

    private static void reject(List<MemberProblem> problems) {
        if (!problems.isEmpty()) {
            throw new MemberRejectedException(problems);
        }
    }

    Member load(long memberId) {
        return store.find(memberId).orElseThrow(() -> new MemberRejectedException(MemberRule.MEMBER_UNKNOWN, memberId));
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private void record(Long sectionId, String action, long memberId, Object before, Object after) {
        events.publishEvent(new Change(access.actor(), sectionId, action, "member", Long.toString(memberId), before, after));
    }
}
