package org.envol.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Every text of the command line's help has its English: the whole tree of commands is walked in
 * French and in English, and each description (of a command, an option, a parameter) must be
 * there in French and differ in English. A new option described only in its annotation fails here.
 */
@SpringBootTest
class CommandTextsTest {

    /** Labels of values that read the same in both languages; any other needs its label.X in cli_en. */
    private static final Set<String> SAME_IN_BOTH = Set.of("CODE", "ID", "FILE", "NAME", "VALUE", "YYYY", "DATE", "FORMAT",
            "ROLE", "YYYY-MM-DD", "FEC=CODE", "retained|funds");

    @Autowired
    Commands commands;

    @Test
    void everyDescriptionHasItsEnglish() {
        List<String> problems = new ArrayList<>();
        compare(commands.commandLine(Locale.FRENCH), commands.commandLine(Locale.ENGLISH), problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyLabelOfAValueReadsInEnglish() {
        ResourceBundle english = CommandTexts.bundle(Locale.ENGLISH);
        List<String> problems = new ArrayList<>();
        for (CommandLine command : all(commands.commandLine(Locale.ENGLISH))) {
            CommandSpec spec = command.getCommandSpec();
            List<ArgSpec> args = new ArrayList<>(spec.options());
            args.addAll(spec.positionalParameters());
            for (ArgSpec arg : args) {
                String label = arg.paramLabel();
                // <field> is picocli's label for an option given none: the field's (English) name
                boolean shown = arg.arity().max() > 0 && !label.startsWith("<");
                if (shown && !SAME_IN_BOTH.contains(label) && !english.containsKey("label." + label)) {
                    problems.add(spec.qualifiedName() + " " + name(arg) + ": label " + label);
                }
            }
        }
        assertThat(problems).as("labels with neither label.X in cli_en nor a place in SAME_IN_BOTH").isEmpty();
    }

    @Test
    void theEnglishHelpShowsNoFrenchLabel() {
        ResourceBundle english = CommandTexts.bundle(Locale.ENGLISH);
        List<Pattern> french = english.keySet().stream().filter(k -> k.startsWith("label."))
                .map(k -> k.substring("label.".length())).filter(l -> !l.equals(english.getString("label." + l)))
                .map(l -> Pattern.compile("(?<![\\w-])" + Pattern.quote(l) + "(?![\\w-])")).toList();
        assertThat(french).isNotEmpty();
        for (CommandLine command : all(commands.commandLine(Locale.ENGLISH))) {
            String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            for (Pattern label : french) {
                assertThat(label.matcher(usage).find()).as(command.getCommandSpec().qualifiedName() + " shows " + label).isFalse();
            }
        }
    }

    @Test
    void everyCommandTakesHelp() {
        for (CommandLine command : all(commands.commandLine(Locale.FRENCH))) {
            assertThat(command.getCommandSpec().options()).as(command.getCommandSpec().qualifiedName())
                    .anyMatch(o -> o.usageHelp() && o.longestName().equals("--help"));
        }
    }

    private static void compare(CommandLine french, CommandLine english, List<String> problems) {
        CommandSpec fr = french.getCommandSpec();
        CommandSpec en = english.getCommandSpec();
        String path = fr.qualifiedName();
        check(path, fr.usageMessage().description(), en.usageMessage().description(), problems);
        if (fr.usageMessage().header().length > 0) {
            check(path + " (header)", fr.usageMessage().header(), en.usageMessage().header(), problems);
        }
        for (OptionSpec option : fr.options()) {
            check(path + " " + option.longestName(), option.description(), en.findOption(option.longestName()).description(), problems);
        }
        List<PositionalParamSpec> frenchParameters = fr.positionalParameters();
        for (int i = 0; i < frenchParameters.size(); i++) {
            PositionalParamSpec p = frenchParameters.get(i);
            check(path + " " + p.paramLabel(), p.description(), en.positionalParameters().get(i).description(), problems);
        }
        french.getSubcommands().forEach((name, sub) -> compare(sub, english.getSubcommands().get(name), problems));
    }

    private static void check(String where, String[] french, String[] english, List<String> problems) {
        String fr = String.join(" ", french).strip();
        String en = String.join(" ", english).strip();
        if (fr.isEmpty()) {
            problems.add(where + ": no description");
        } else if (en.equals(fr)) {
            problems.add(where + ": no English for « " + fr + " »");
        }
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
    }

    private static List<CommandLine> all(CommandLine root) {
        List<CommandLine> all = new ArrayList<>(List.of(root));
        root.getSubcommands().values().forEach(sub -> all.addAll(all(sub)));
        return all;
    }
}
