package org.envol.members;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The members' tables. No rule here: {@link MemberService} checks, this stores. */
@Repository
class MemberStore {

    private static final String COLUMNS = "select id, last_name, first_name, email, birth_date, payer_id, user_id, left_on from member";
    private static final String MEMBERSHIPS = "select s.member_id, s.section_id, s.joined_on, s.left_on, a.account_id"
            + " from member_section s left join member_account a on a.member_id = s.member_id and a.section_id = s.section_id";

    private final JdbcClient jdbc;

    MemberStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Member> find(long id) {
        return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(Member.class).optional();
    }

    Optional<Member> findByEmail(String email) {
        return jdbc.sql(COLUMNS + " where email = :email").param("email", email).query(Member.class).optional();
    }

    Optional<Member> findByUser(long userId) {
        return jdbc.sql(COLUMNS + " where user_id = :user").param("user", userId).query(Member.class).optional();
    }

    /** Members with this name and birth date (names compared without case). */
    List<Member> findByNameAndBirth(String lastName, String firstName, LocalDate birthDate) {
        return jdbc.sql(COLUMNS + " where lower(last_name) = lower(:last) and lower(first_name) = lower(:first)"
                + " and birth_date = :birth order by id")
                .param("last", lastName).param("first", firstName).param("birth", birthDate).query(Member.class).list();
    }

    List<Member> all() {
        return jdbc.sql(COLUMNS + " order by last_name, first_name, id").query(Member.class).list();
    }

    List<Member> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " where id in (:ids) order by last_name, first_name, id").param("ids", ids).query(Member.class).list();
    }

    List<Member> paidBy(long payerId) {
        return jdbc.sql(COLUMNS + " where payer_id = :payer order by last_name, first_name, id").param("payer", payerId)
                .query(Member.class).list();
    }

    /** Every member's payer, by member id (the graph the cycle check walks). */
    Map<Long, Long> payers() {
        Map<Long, Long> out = new HashMap<>();
        jdbc.sql("select id, payer_id from member where payer_id is not null").query(rs -> {
            out.put(rs.getLong(1), rs.getLong(2));
        });
        return out;
    }

    long insert(MemberData d) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into member (last_name, first_name, email, birth_date, payer_id)"
                + " values (:last, :first, :email, :birth, :payer)")
                .param("last", d.lastName()).param("first", d.firstName()).param("email", d.email())
                .param("birth", d.birthDate()).param("payer", d.payerId(), java.sql.Types.BIGINT)
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    void update(long id, MemberData d) {
        jdbc.sql("update member set last_name = :last, first_name = :first, email = :email, birth_date = :birth,"
                + " payer_id = :payer where id = :id")
                .param("last", d.lastName()).param("first", d.firstName()).param("email", d.email())
                .param("birth", d.birthDate()).param("payer", d.payerId(), java.sql.Types.BIGINT).param("id", id)
                .update();
    }

    void setLeftOn(long id, LocalDate leftOn) {
        jdbc.sql("update member set left_on = :left where id = :id").param("left", leftOn, java.sql.Types.DATE).param("id", id).update();
    }

    void setUser(long id, long userId) {
        jdbc.sql("update member set user_id = :user where id = :id").param("user", userId).param("id", id).update();
    }

    List<Membership> memberships(long memberId) {
        return jdbc.sql(MEMBERSHIPS + " where s.member_id = :m order by s.section_id").param("m", memberId)
                .query(Membership.class).list();
    }

    Optional<Membership> membership(long memberId, long sectionId) {
        return jdbc.sql(MEMBERSHIPS + " where s.member_id = :m and s.section_id = :s").param("m", memberId).param("s", sectionId)
                .query(Membership.class).optional();
    }

    /** Every stay in the section, by member id. */
    Map<Long, Membership> membershipsOfSection(long sectionId) {
        Map<Long, Membership> out = new HashMap<>();
        jdbc.sql(MEMBERSHIPS + " where s.section_id = :s").param("s", sectionId).query(Membership.class).list()
                .forEach(m -> out.put(m.memberId(), m));
        return out;
    }

    /** Every stay, by member id (the import compares the file with them). */
    Map<Long, List<Membership>> allMemberships() {
        Map<Long, List<Membership>> out = new HashMap<>();
        jdbc.sql(MEMBERSHIPS + " order by s.member_id, s.section_id").query(Membership.class).list()
                .forEach(m -> out.computeIfAbsent(m.memberId(), k -> new java.util.ArrayList<>()).add(m));
        return out;
    }

    /** A new stay, or the member back in a section he or she had left. */
    void join(long memberId, long sectionId, LocalDate joinedOn) {
        int changed = jdbc.sql("update member_section set joined_on = :on, left_on = null where member_id = :m and section_id = :s")
                .param("on", joinedOn).param("m", memberId).param("s", sectionId).update();
        if (changed == 0) {
            jdbc.sql("insert into member_section (member_id, section_id, joined_on) values (:m, :s, :on)")
                    .param("m", memberId).param("s", sectionId).param("on", joinedOn).update();
        }
    }

    void leave(long memberId, long sectionId, LocalDate leftOn) {
        jdbc.sql("update member_section set left_on = :left where member_id = :m and section_id = :s")
                .param("left", leftOn).param("m", memberId).param("s", sectionId).update();
    }

    void linkAccount(long memberId, long sectionId, long accountId) {
        jdbc.sql("insert into member_account (member_id, section_id, account_id) values (:m, :s, :a)")
                .param("m", memberId).param("s", sectionId).param("a", accountId).update();
    }

    /** The member an account belongs to, if any. */
    Optional<Long> ownerOf(long accountId) {
        return jdbc.sql("select member_id from member_account where account_id = :a").param("a", accountId).query(Long.class).optional();
    }

    /** The accounts of the section that belong to a member. */
    List<Long> linkedAccounts(long sectionId) {
        return jdbc.sql("select account_id from member_account where section_id = :s").param("s", sectionId).query(Long.class).list();
    }
}
