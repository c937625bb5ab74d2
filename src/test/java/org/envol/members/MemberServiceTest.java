package org.envol.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.envol.members.Acting.accountant;
import static org.envol.members.Acting.as;
import static org.envol.members.Acting.treasurer;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.envol.ledger.Account;
import org.envol.ledger.AccountService;
import org.envol.ledger.EntryDraft;
import org.envol.ledger.LedgerService;
import org.envol.ledger.LineDraft;
import org.envol.ledger.RejectedException;
import org.envol.security.AppUser;
import org.envol.security.Authorities;
import org.envol.security.Grant;
import org.envol.security.Role;
import org.envol.security.UserRejectedException;
import org.envol.security.UserService;
import org.envol.testing.Books;
import org.envol.testing.Books.Club;
import org.envol.testing.PostgresTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;

/** The members' rules, each on its own: accounts on joining, payers, leaving, logins, and who may do what. */
@SpringBootTest
@WithMockUser(username = "admin", authorities = "ROLE_ADMIN")
class MemberServiceTest {

    static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired
    MemberService members;
    @Autowired
    AccountService accounts;
    @Autowired
    LedgerService ledger;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Books books;
    @Autowired
    JdbcClient jdbc;

    Club club;
    LocalDate today;

    @BeforeEach
    void setUp() {
        today = members.today();
        club = books.club(today.getYear());
    }

    /** A name no other test (nor the other database's run) uses. */
    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + NEXT.incrementAndGet();
    }

    static MemberData someone(String lastName) {
        return new MemberData(lastName, "Jean", lastName.toLowerCase() + "@exemple.fr", LocalDate.of(1980, 5, 17), null);
    }

    Member member(String lastName, Club... in) {
        return members.create(someone(lastName), java.util.Arrays.stream(in).map(Club::id).toList(), today.withDayOfYear(1));
    }

    Membership stay(Member m, Club c) {
        return members.get(m.id()).stays().stream().filter(s -> s.section().id() == c.id()).findFirst()
                .map(s -> new Membership(m.id(), c.id(), s.joinedOn(), s.leftOn(), s.account() == null ? null : s.account().id()))
                .orElseThrow();
    }

    void post(Account debit, Account credit, long cents) {
        ledger.post(EntryDraft.manual(club.id(), "OD", today, "Vol", null,
                List.of(LineDraft.of(debit.id(), cents), LineDraft.of(credit.id(), -cents))));
    }

    static MemberRule rule(Runnable act) {
        try {
            act.run();
        } catch (MemberRejectedException e) {
            return e.problems().get(0).rule();
        }
        throw new AssertionError("expected a rejection");
    }

    @Test
    void joiningASectionOpensTheMembersAccountLabelledWithTheName() {
        String name = unique("Dupont");
        Member m = member(name, club);
        Account account = accounts.get(stay(m, club).accountId());
        assertThat(account.code()).isEqualTo("411");
        assertThat(account.label()).isEqualTo(name.toUpperCase() + " Jean");
        assertThat(account.sectionId()).isEqualTo(club.id());
        assertThat(members.get(m.id()).stays()).singleElement().satisfies(s -> {
            assertThat(s.joinedOn()).isEqualTo(today.withDayOfYear(1));
            assertThat(s.ended()).isFalse();
            assertThat(s.account()).isEqualTo(account);
        });
        // joining where the member already flies changes nothing
        assertThat(members.join(m.id(), club.id(), today).accountId()).isEqualTo(account.id());
        assertThat(accounts.listByPrefix(club.id(), "411")).filteredOn(a -> a.label().contains(name.toUpperCase())).hasSize(1);
    }

    @Test
    void rejoiningReusesTheAccountAndReopensItWhenClosed() {
        Member m = member(unique("Retour"), club);
        long account = stay(m, club).accountId();
        members.leaveSection(m.id(), club.id(), today);
        members.closeAccount(m.id(), account);
        assertThat(accounts.get(account).active()).isFalse();
        Membership back = members.join(m.id(), club.id(), today);
        assertThat(back.accountId()).isEqualTo(account);
        assertThat(back.active()).isTrue();
        assertThat(accounts.get(account).active()).isTrue();
        assertThat(accounts.listByPrefix(club.id(), "411")).filteredOn(a -> a.label().equals(accounts.get(account).label())).hasSize(1);
    }

    @Test
    void anUnownedAccountInTheMembersNameIsTakenOverAndAHomonymGetsAnotherOne() {
        String name = unique("Martin");
        Account existing = accounts.create(club.id(), "411", name + " Claire");
        Member claire = members.create(new MemberData(name, "Claire", null, LocalDate.of(1990, 1, 2), null), List.of(club.id()), today);
        assertThat(stay(claire, club).accountId()).isEqualTo(existing.id());
        Member homonym = members.create(new MemberData(name, "Claire", null, LocalDate.of(1991, 1, 2), null), List.of(club.id()), today);
        assertThat(accounts.get(stay(homonym, club).accountId()).label()).isEqualTo(name.toUpperCase() + " Claire (2)");
    }

    @Test
    void aChosenAccountMustBeAnUnownedMemberAccountOfTheSection() {
        Member owner = member(unique("Proprio"), club);
        Member other = members.create(someone(unique("Autre")), List.of(books.club(today.getYear()).id()), today);
        assertThat(rule(() -> members.join(other.id(), club.id(), today, club.bank().id()))).isEqualTo(MemberRule.ACCOUNT_NOT_411);
        assertThat(rule(() -> members.join(other.id(), club.id(), today, stay(owner, club).accountId())))
                .isEqualTo(MemberRule.ACCOUNT_OF_OTHER_MEMBER);
        Account free = accounts.create(club.id(), "411", unique("Libre"));
        assertThat(members.join(other.id(), club.id(), today, free.id()).accountId()).isEqualTo(free.id());
    }

    @Test
    void theFieldsFollowTheirRules() {
        assertThat(rule(() -> members.create(new MemberData(" ", "Jean", "a@b.fr", null, null), List.of(club.id()), today)))
                .isEqualTo(MemberRule.LAST_NAME_MISSING);
        assertThat(rule(() -> members.create(new MemberData("X", "", "a@b.fr", null, null), List.of(club.id()), today)))
                .isEqualTo(MemberRule.FIRST_NAME_MISSING);
        assertThat(rule(() -> members.create(new MemberData("X", "Jean", "pas-une-adresse", null, null), List.of(club.id()), today)))
                .isEqualTo(MemberRule.EMAIL_INVALID);
        assertThat(rule(() -> members.create(new MemberData("X", "Jean", null, null, null), List.of(club.id()), today)))
                .isEqualTo(MemberRule.IDENTITY_MISSING);
        assertThat(rule(() -> members.create(new MemberData("X", "Jean", null, today.plusDays(1), null), List.of(club.id()), today)))
                .isEqualTo(MemberRule.BIRTH_DATE_OUT_OF_RANGE);
        assertThat(rule(() -> members.create(new MemberData("X", "Jean", null, LocalDate.of(1899, 12, 31), null), List.of(club.id()), today)))
                .isEqualTo(MemberRule.BIRTH_DATE_OUT_OF_RANGE);
        assertThat(rule(() -> members.create(someone(unique("Sans")), List.of(), today))).isEqualTo(MemberRule.NO_SECTION);
        assertThat(rule(() -> members.create(someone(unique("Futur")), List.of(club.id()), today.plusDays(1))))
                .isEqualTo(MemberRule.DATE_IN_FUTURE);
        String atLimit = "N".repeat(MemberLimits.NAME_MAX);
        members.create(new MemberData(atLimit, unique("P"), null, LocalDate.of(1970, 1, 1), null), List.of(club.id()), today);
        assertThat(rule(() -> members.create(new MemberData(atLimit + "N", "Jean", null, LocalDate.of(1970, 1, 1), null),
                List.of(club.id()), today))).isEqualTo(MemberRule.NAME_TOO_LONG);
        // nothing was written by the refusals
        assertThat(members.list(club.id(), null, true)).hasSize(1);
    }

    @Test
    void anEmailOrANameAndBirthDateIsOneMemberOnly() {
        Member first = member(unique("Unique"), club);
        assertThat(rule(() -> members.create(new MemberData("Autre", "Nom", first.email().toUpperCase(), null, null), List.of(club.id()), today)))
                .isEqualTo(MemberRule.EMAIL_TAKEN);
        String name = unique("Homonyme");
        members.create(new MemberData(name, "Léa", null, LocalDate.of(2010, 3, 4), null), List.of(club.id()), today);
        assertThat(rule(() -> members.create(new MemberData(name.toLowerCase(), "léa", null, LocalDate.of(2010, 3, 4), null),
                List.of(club.id()), today))).isEqualTo(MemberRule.DUPLICATE);
        // same name, another birth date: another person
        members.create(new MemberData(name, "Léa", null, LocalDate.of(2011, 3, 4), null), List.of(club.id()), today);
    }

    @Test
    void aPayerIsAnotherMemberAndNeverClosesALoop() {
        Member parent = member(unique("Parent"), club);
        Member child = member(unique("Enfant"), club);
        Member grandChild = member(unique("PetitEnfant"), club);
        MemberData childData = MemberData.of(child);
        assertThat(members.update(child.id(), childData.withPayer(parent.id())).payerId()).isEqualTo(parent.id());
        members.update(grandChild.id(), MemberData.of(grandChild).withPayer(child.id()));
        assertThat(rule(() -> members.update(parent.id(), MemberData.of(parent).withPayer(parent.id())))).isEqualTo(MemberRule.PAYER_SELF);
        assertThat(rule(() -> members.update(parent.id(), MemberData.of(parent).withPayer(child.id())))).isEqualTo(MemberRule.PAYER_CYCLE);
        MemberRejectedException loop = (MemberRejectedException) org.assertj.core.api.Assertions.catchThrowable(
                () -> members.update(parent.id(), MemberData.of(parent).withPayer(grandChild.id())));
        assertThat(loop.problems().get(0).args()).containsExactly(
                parent.display() + " → " + grandChild.display() + " → " + child.display() + " → " + parent.display());
        assertThat(rule(() -> members.update(parent.id(), MemberData.of(parent).withPayer(Long.MAX_VALUE)))).isEqualTo(MemberRule.PAYER_UNKNOWN);
        assertThat(members.get(parent.id()).payees()).extracting(Member::id).containsExactly(child.id());
        assertThat(members.get(parent.id()).member().payerId()).isNull();
    }

    @Test
    void aMemberWhoLeavesWithABalanceIsFlaggedAndTheAccountStaysOpenUntilRefunded() {
        Member m = member(unique("Partant"), club);
        Account account = accounts.get(stay(m, club).accountId());
        post(club.bank(), account, 12_000); // the member paid 120 € in advance
        assertThat(members.get(m.id()).flagged()).isFalse();
        members.leave(m.id(), today);
        MemberService.Details details = members.get(m.id());
        assertThat(details.member().leftOn()).isEqualTo(today);
        assertThat(details.flagged()).isTrue();
        assertThat(details.stays()).singleElement().satisfies(s -> {
            assertThat(s.balanceCents()).isEqualTo(-12_000);
            assertThat(s.closable()).isFalse();
        });
        assertThat(members.list(club.id(), null, false)).filteredOn(r -> r.member().id() == m.id()).singleElement()
                .satisfies(r -> assertThat(r.flagged()).isTrue());
        assertThat(rule(() -> members.closeAccount(m.id(), account.id()))).isEqualTo(MemberRule.BALANCE_NOT_ZERO);
        assertThat(accounts.get(account.id()).active()).isTrue();
        post(account, club.bank(), 12_000); // refunded
        assertThat(members.get(m.id()).flagged()).isFalse();
        assertThat(members.list(club.id(), null, false)).noneMatch(r -> r.member().id() == m.id());
        assertThat(members.list(club.id(), null, true)).anyMatch(r -> r.member().id() == m.id());
        assertThat(members.closeAccount(m.id(), account.id()).active()).isFalse();
    }

    @Test
    void anAccountInUseCannotBeClosedNorAnotherMembersOne() {
        Member m = member(unique("Actif"), club);
        Member other = member(unique("Autre"), club);
        long account = stay(m, club).accountId();
        assertThat(rule(() -> members.closeAccount(m.id(), account))).isEqualTo(MemberRule.ACCOUNT_IN_USE);
        assertThat(rule(() -> members.closeAccount(other.id(), account))).isEqualTo(MemberRule.ACCOUNT_NOT_MEMBER);
    }

    @Test
    void leavingDatesAreNeitherBeforeJoiningNorInTheFuture() {
        Member m = member(unique("Dates"), club);
        assertThat(rule(() -> members.leaveSection(m.id(), club.id(), today.withDayOfYear(1).minusDays(1))))
                .isEqualTo(MemberRule.LEAVE_BEFORE_JOIN);
        assertThat(rule(() -> members.leave(m.id(), today.plusDays(1)))).isEqualTo(MemberRule.DATE_IN_FUTURE);
        members.leaveSection(m.id(), club.id(), today);
        assertThat(rule(() -> members.leaveSection(m.id(), club.id(), today))).isEqualTo(MemberRule.NOT_IN_SECTION);
    }

    @Test
    void joiningASectionAgainBringsBackAMemberWhoHadLeft() {
        Member m = member(unique("Revenu"), club);
        members.leave(m.id(), today);
        members.join(m.id(), club.id(), today);
        assertThat(members.get(m.id()).member().hasLeft()).isFalse();
    }

    @Test
    void renamingAMemberRenamesTheAccounts() {
        Member m = member(unique("Avant"), club);
        String after = unique("Apres");
        members.update(m.id(), new MemberData(after, "Jean", m.email(), m.birthDate(), null));
        assertThat(accounts.get(stay(m, club).accountId()).label()).isEqualTo(after.toUpperCase() + " Jean");
    }

    @Test
    void aLoginReadsTheMembersAccountsAndHoldsTheMemberRoleOfEachSection() {
        Club other = books.club(today.getYear());
        Member m = member(unique("Pilote"), club);
        MemberService.NewLogin login = as("tresorier", treasurer(club.id()), () -> members.createLogin(m.id(), null, null));
        assertThat(login.user().username()).isEqualTo(m.email());
        assertThat(login.initialPassword()).hasSize(MemberLimits.GENERATED_PASSWORD_LENGTH);
        long account = stay(m, club).accountId();
        assertThat(authorities(login.user().username())).containsExactlyInAnyOrder(
                Authorities.section(club.id(), Role.MEMBER), Authorities.account(account));
        String hash = jdbc.sql("select password_hash from app_user where id = ?").param(login.user().id()).query(String.class).single();
        assertThat(encoder.matches(login.initialPassword(), hash)).isTrue();
        // joining another section gives its role and its account; leaving it takes the role, not the account
        members.join(m.id(), other.id(), today);
        long otherAccount = stay(m, other).accountId();
        assertThat(authorities(login.user().username())).contains(Authorities.section(other.id(), Role.MEMBER), Authorities.account(otherAccount));
        members.leaveSection(m.id(), other.id(), today);
        assertThat(authorities(login.user().username())).doesNotContain(Authorities.section(other.id(), Role.MEMBER))
                .contains(Authorities.account(otherAccount));
        assertThat(members.get(m.id()).login()).isEqualTo(new MemberService.Login(login.user().id(), login.user().username(), true));
        assertThat(rule(() -> members.createLogin(m.id(), "autre-nom", null))).isEqualTo(MemberRule.LOGIN_EXISTS);
        // the audit log names the treasurer who created it
        assertThat(jdbc.sql("select actor from audit_event where object_type = 'user' and action = 'CREATE' and object_id = ?")
                .param(Long.toString(login.user().id())).query(String.class).single()).isEqualTo("tresorier");
    }

    List<String> authorities(String username) {
        return userDetails.loadUserByUsername(username).getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void onlyAnAdminChoosesTheLoginPasswordOrLinksAnExistingUser() {
        Member m = member(unique("Mdp"), club);
        assertThat(as("tresorier", treasurer(club.id()), () -> rule(() -> members.createLogin(m.id(), null, "choisi-par-moi"))))
                .isEqualTo(MemberRule.PASSWORD_ADMIN_ONLY);
        assertThatThrownBy(() -> as("tresorier", treasurer(club.id()), () -> members.linkLogin(m.id(), "quelquun")))
                .isInstanceOf(AccessDeniedException.class);
        MemberService.NewLogin login = members.createLogin(m.id(), unique("mdp").toLowerCase(), "choisi-par-l-admin");
        assertThat(login.initialPassword()).isNull();
        // an existing user, linked by an admin, reads the member's account
        AppUser existing = users.create(unique("existant").toLowerCase(), null, "mot-de-passe-long", List.of(Grant.inSection(club.id(), Role.MEMBER)));
        Member other = member(unique("Lie"), club);
        members.linkLogin(other.id(), existing.username());
        assertThat(authorities(existing.username())).contains(Authorities.account(stay(other, club).accountId()));
        Member third = member(unique("Troisieme"), club);
        assertThat(rule(() -> members.linkLogin(third.id(), existing.username()))).isEqualTo(MemberRule.LOGIN_OF_OTHER_MEMBER);
        assertThatThrownBy(() -> members.linkLogin(third.id(), "personne-de-ce-nom")).isInstanceOf(UserRejectedException.class);
    }

    @Test
    void anAccountantReadsMembersButChangesNothing() {
        Member m = member(unique("Lu"), club);
        as("verificateur", accountant(club.id()), () -> {
            assertThat(members.get(m.id()).canManage()).isFalse();
            assertThat(members.list(club.id(), null, false)).extracting(r -> r.member().id()).contains(m.id());
            assertThatThrownBy(() -> members.create(someone(unique("Non")), List.of(club.id()), today)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> members.update(m.id(), MemberData.of(m))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> members.leave(m.id(), today)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> members.createLogin(m.id(), null, null)).isInstanceOf(AccessDeniedException.class);
        });
    }

    @Test
    void aTreasurerManagesTheMembersOfHisSectionsOnly() {
        Club other = books.club(today.getYear());
        Member here = member(unique("Ici"), club);
        Member there = member(unique("LaBas"), other);
        as("tresorier", treasurer(club.id()), () -> {
            assertThat(members.get(here.id()).canManage()).isTrue();
            members.update(here.id(), MemberData.of(here).withPayer(null));
            assertThatThrownBy(() -> members.get(there.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> members.update(there.id(), MemberData.of(there))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> members.join(here.id(), other.id(), today)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> members.list(other.id(), null, false)).isInstanceOf(AccessDeniedException.class);
        });
    }

    @Test
    void aMemberReadsHimselfAndNobodyElse() {
        Member me = member(unique("Moi"), club);
        Member neighbour = member(unique("Voisin"), club);
        MemberService.NewLogin login = members.createLogin(me.id(), null, null);
        List<String> mine = authorities(login.user().username());
        as(login.user().username(), mine, () -> {
            MemberService.Details self = members.get(me.id());
            assertThat(self.canManage()).isFalse();
            assertThat(self.stays()).singleElement().satisfies(s -> assertThat(s.account()).isNotNull());
            assertThat(members.own()).map(Member::id).contains(me.id());
            assertThatThrownBy(() -> members.get(neighbour.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> members.list(club.id(), null, false)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> members.update(me.id(), MemberData.of(me))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> members.findByEmail(neighbour.email())).isInstanceOf(AccessDeniedException.class);
        });
    }

    @Test
    void anUnknownMemberIsARejectionAndSoIsAnUnknownSection() {
        assertThat(rule(() -> members.get(Long.MAX_VALUE))).isEqualTo(MemberRule.MEMBER_UNKNOWN);
        Member m = member(unique("Sec"), club);
        assertThatThrownBy(() -> members.join(m.id(), Long.MAX_VALUE, today)).isInstanceOf(RejectedException.class);
    }

    @Test
    void everyChangeIsInTheAuditLog() {
        Member m = member(unique("Audit"), club);
        members.leave(m.id(), today);
        assertThat(jdbc.sql("select action from audit_event where object_type = 'member' and object_id = ? order by id")
                .param(Long.toString(m.id())).query(String.class).list())
                .containsExactly("CREATE", "JOIN_SECTION", "LEAVE_SECTION", "LEAVE");
    }

    @Test
    void searchFindsNamesWithoutCaseOrAccents() {
        String name = unique("Héloïse");
        Member m = members.create(new MemberData(name, "Chloé", null, LocalDate.of(2000, 1, 1), null), List.of(club.id()), today);
        assertThat(members.list(club.id(), "chloe " + MemberService.searchable(name).substring(0, 5), false)).hasSize(1);
        assertThat(members.list(club.id(), "zzz", false)).isEmpty();
        assertThat(members.list(club.id(), "CHLOE", false)).extracting(r -> r.member().id()).containsExactly(m.id());
        assertThat(members.list(club.id(), MemberService.searchable(name), false)).extracting(r -> r.member().id()).containsExactly(m.id());
    }

    @PostgresTest
    static class OnPostgres extends MemberServiceTest {
    }
}
