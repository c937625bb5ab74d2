package org.envol.members;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.envol.ledger.Messages;
import org.envol.ledger.Money;
import org.envol.security.UserRejectedException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The members' problems in the user's language: amounts and dates as the page's language writes them. */
@Component
public class MemberMessages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Messages messages;

    MemberMessages(Messages messages) {
        this.messages = messages;
    }

    public String text(MemberProblem p) {
        return messages.get(p.messageKey(), p.args().stream().map(MemberMessages::shown).toArray());
    }

    /** « Ligne 3 : … », or the problem alone when it is the whole file's. */
    public String text(ImportProblem p) {
        return p.line() == 0 ? text(p.problem()) : messages.get("members.import.atLine", Integer.toString(p.line()), text(p.problem()));
    }

    public List<String> texts(MemberRejectedException e) {
        return e.problems().stream().map(this::text).toList();
    }

    public String text(UserRejectedException e) {
        return messages.get(e.messageKey(), e.args().toArray());
    }

    public String get(String key, Object... args) {
        return messages.get(key, args);
    }

    /** Numbers as plain digits (an id is not « 1 234 »), amounts and dates written out. */
    private static Object shown(Object arg) {
        if (arg instanceof Money.Cents cents) {
            return Money.format(cents.value(), LocaleContextHolder.getLocale());
        }
        if (arg instanceof LocalDate date) {
            return DAY.format(date);
        }
        if (arg instanceof Number n) {
            return n.toString();
        }
        return arg;
    }
}
