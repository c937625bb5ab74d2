package org.envol.web;

import org.envol.ledger.Money;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Amounts for templates, in the page's language: {@code ${@money.format(cents)}}, {@code ${@money.css(cents)}}. */
@Component("money")
public class MoneyFormat {

    public String format(long cents) {
        return Money.format(cents, LocaleContextHolder.getLocale());
    }

    /** Empty for zero, so that a debit or credit column stays readable. */
    public String formatOrBlank(long cents) {
        return cents == 0 ? "" : format(cents);
    }

    /** The cell's classes: numbers align right, negative ones are marked. */
    public String css(long cents) {
        return cents < 0 ? "num negative" : "num";
    }

    /** As typed in a form field: no grouping, so that it parses back to the same amount. */
    public String input(long cents) {
        return cents == 0 ? "" : Money.format(cents, LocaleContextHolder.getLocale()).replace("\u202F", " ");
    }
}
