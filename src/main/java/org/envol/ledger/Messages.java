package org.envol.ledger;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Texts for users, from messages*.properties, in the current locale (French by default). */
@Component
public class Messages {

    private final MessageSource source;

    Messages(MessageSource source) {
        this.source = source;
    }

    public String get(String key, Object... args) {
        return source.getMessage(key, args, key, locale());
    }

    /** A rejection's message, prefixed with where it is: « Ligne 2 : … », « Réf. 1204 : … ». */
    public String rejection(Rejection r) {
        String text = source.getMessage(r.messageKey(), r.args().toArray(), r.code().name(), locale());
        if (r.reference() != null) {
            text = source.getMessage("rejection.at.reference", new Object[] {r.reference(), text}, locale());
        }
        return text;
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
