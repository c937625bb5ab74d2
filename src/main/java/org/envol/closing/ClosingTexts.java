package org.envol.closing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.envol.ledger.Messages;
import org.envol.ledger.Money;
import org.envol.ledger.RejectedException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Renders {@link Notice}s in the current language: dates as 31/12/2025, amounts as 1 234,56. */
@Component("closingTexts")
public class ClosingTexts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final Messages messages;

    ClosingTexts(Messages messages) {
        this.messages = messages;
    }

    public String text(Notice notice) {
        Object[] args = notice.args().stream().map(ClosingTexts::arg).toArray();
        return messages.get(notice.key(), args);
    }

    public List<String> texts(ClosingException e) {
        return e.notices().stream().map(this::text).toList();
    }

    public List<String> texts(RejectedException e) {
        return e.rejections().stream().map(messages::rejection).toList();
    }

    private static Object arg(Object value) {
        if (value instanceof LocalDate d) {
            return DAY.format(d);
        }
        if (value instanceof Instant i) {
            return TIME.format(i.atZone(ZoneId.systemDefault()));
        }
        if (value instanceof Notice.Amount a) {
            return Money.format(a.cents(), LocaleContextHolder.getLocale());
        }
        return value == null ? "" : value.toString();
    }
}
