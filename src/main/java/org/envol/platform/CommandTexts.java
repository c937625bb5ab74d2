package org.envol.platform;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.IParamLabelRenderer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The command line's help in its language. The French of Envol's commands is in their
 * annotations ({@code @Command(description = …)}, {@code @Option(description = …)}): that is what
 * shows without a bundle. The bundle {@code i18n/cli} puts picocli's own texts in French (usage
 * headings, {@code --help}, the {@code help} command); {@code i18n/cli_en} has every text in
 * English, under picocli's keys: {@code envol.close-year.usage.description} for a command,
 * {@code envol.close-year.carry-to} for an option, {@code envol.check.fec.FILE[0]} for a
 * parameter, the {@code descriptionKey} of an option declared once for several commands ({@code shared.section}, a mixin); and
 * {@code label.IDENTIFIANT = USERNAME} for the label of a value, which picocli does not translate.
 */
final class CommandTexts {

    static final String BUNDLE = "i18n.cli";

    /** {@code -h, --help}, given to the commands that do not declare it. */
    static final String HELP_KEY = "mixinStandardHelpOptions.help";

    private CommandTexts() {
    }

    /**
     * The bundle in {@code locale}: {@code cli_en} (and {@code cli} below it) in English, {@code cli} in
     * French. Never the JVM's default locale's, which would turn a server with {@code LANG=en_US} English.
     */
    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, CommandTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Gives the whole tree, its subcommands already added, {@code --help} and its texts in {@code locale}. */
    static void apply(CommandLine root, Locale locale) {
        addHelp(root);
        ResourceBundle texts = bundle(locale);
        root.setResourceBundle(texts);
        root.setHelpFactory((spec, scheme) -> new LabelledHelp(spec, scheme, texts));
    }

    private static void addHelp(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        if (spec.options().stream().noneMatch(OptionSpec::usageHelp)) {
            spec.addOption(OptionSpec.builder("-h", "--help").type(boolean.class).usageHelp(true).descriptionKey(HELP_KEY)
                    .description("Affiche cette aide et quitte.").build());
        }
        command.getSubcommands().values().forEach(CommandTexts::addHelp);
    }

    /** A value's label in the bundle's language: {@code label.<label in the annotation>}, or the annotation's own. */
    static String label(ArgSpec arg, ResourceBundle texts) {
        String key = "label." + arg.paramLabel();
        return texts.containsKey(key) ? texts.getString(key) : arg.paramLabel();
    }

    /** Picocli's help, the labels of values (in the synopsis and the option list) from the bundle. */
    private static final class LabelledHelp extends Help {

        private final ResourceBundle texts;

        LabelledHelp(CommandSpec spec, ColorScheme scheme, ResourceBundle texts) {
            super(spec, scheme);
            this.texts = texts;
        }

        @Override
        public IParamLabelRenderer parameterLabelRenderer() {
            IParamLabelRenderer own = super.parameterLabelRenderer();
            return new IParamLabelRenderer() {
                @Override
                public Ansi.Text renderParameterLabel(ArgSpec arg, Ansi ansi, List<Ansi.IStyle> styles) {
                    String label = label(arg, texts);
                    if (label.equals(arg.paramLabel())) {
                        return own.renderParameterLabel(arg, ansi, styles);
                    }
                    ArgSpec relabelled = arg instanceof OptionSpec option ? option.toBuilder().paramLabel(label).build()
                            : ((PositionalParamSpec) arg).toBuilder().paramLabel(label).build();
                    return own.renderParameterLabel(relabelled, ansi, styles);
                }

                @Override
                public String separator() {
                    return own.separator();
                }
            };
        }
    }
}
