package org.envol.platform;

import picocli.CommandLine.Option;

/**
 * {@code --section CODE}, required: the section a command works on. A picocli mixin
 * ({@code @Mixin SectionOption section;}); each feature refuses an unknown code with its own message.
 */
public class SectionOption {

    /** Also the text of an optional {@code --section} that checks its presence itself ({@code close-year}). */
    public static final String DESCRIPTION = "Code de la section.";
    /** The key of its English text in {@code i18n/cli_en.properties}. */
    public static final String KEY = "shared.section";

    @Option(names = "--section", required = true, paramLabel = "CODE", descriptionKey = KEY, description = DESCRIPTION)
    String code;

    public String code() {
        return code;
    }
}
