package org.envol.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/**
 * Amounts are parsed and printed here only. Cents are {@code long}; the French form is
 * {@code 1 234,56} (narrow no-break space for thousands), English {@code 1,234.56}.
 */
public final class Money {

    private Money() {
    }

    /** An amount in cents, printed in French where a message shows it. */
    public record Cents(long value) {
        @Override
        public String toString() {
            return format(value, Locale.FRENCH);
        }
    }

    public static String format(long cents, Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        String sign = cents < 0 ? "-" : "";
        long abs = Math.abs(cents);
        String units = Long.toString(abs / 100);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < units.length(); i++) {
            if (i > 0 && (units.length() - i) % 3 == 0) {
                grouped.append(english ? ',' : '\u202F');
            }
            grouped.append(units.charAt(i));
        }
        return sign + grouped + (english ? '.' : ',') + String.format("%02d", abs % 100);
    }

    public static String format(long cents) {
        return format(cents, Locale.FRENCH);
    }

    /** Plain form for files: no grouping, decimal comma ({@code -1234,56}). */
    public static String plain(long cents) {
        String sign = cents < 0 ? "-" : "";
        long abs = Math.abs(cents);
        return sign + (abs / 100) + "," + String.format("%02d", abs % 100);
    }

    /**
     * Parses what a user or a file writes: "1 234,56", "1234.56", "-12", "12,5", "1.234,56".
     * Empty when it is not an amount with at most two decimals.
     */
    public static Optional<Long> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip().replace("\u00A0", "").replace("\u202F", "").replace(" ", "").replace("€", "");
        if (s.isEmpty()) {
            return Optional.empty();
        }
        int lastComma = s.lastIndexOf(',');
        int lastDot = s.lastIndexOf('.');
        if (lastComma >= 0 && lastDot >= 0) {
            // the later one is the decimal separator, the other groups thousands
            s = lastComma > lastDot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (lastComma >= 0) {
            if (s.indexOf(',') != lastComma) {
                return Optional.empty();
            }
            s = s.replace(',', '.');
        }
        if (!s.matches("[-+]?\\d+(\\.\\d{0,2})?")) {
            return Optional.empty();
        }
        try {
            BigDecimal value = new BigDecimal(s).setScale(2, RoundingMode.UNNECESSARY);
            return Optional.of(value.movePointRight(2).longValueExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }
}
