package org.envol.platform;

import picocli.CommandLine.Option;

/** {@code --year YYYY}, required: the fiscal year that starts in that year. A picocli mixin. */
public class YearOption {

    /** Also the text of an optional {@code --year} that checks its presence itself ({@code close-year}). */
    public static final String DESCRIPTION = "Année où commence l’exercice.";
    /** The key of its English text in {@code i18n/cli_en.properties}. */
    public static final String KEY = "shared.year";

    @Option(names = "--year", required = true, paramLabel = "YYYY", descriptionKey = KEY, description = DESCRIPTION)
    int year;

    public int year() {
        return year;
    }
}
