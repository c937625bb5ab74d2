package org.envol.platform;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.envol.ledger.Messages;
import org.envol.ledger.RejectedException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: every top-level bean class annotated with picocli's {@link Command} becomes a
 * command ({@code user}, {@code audit}, {@code bench}…); its nested {@code @Command} classes are
 * its subcommands, created as beans too. A top-level class that another command lists in its
 * {@code subcommands} is that command's subcommand only, not also a root command (so a feature can
 * keep a group of subcommands in its own file: {@code openflyers journal sync}). Every command
 * takes {@code --help}. The help and what the commands print are in the {@link CommandLanguage}:
 * French unless {@code ENVOL_LANG=en} (see {@link CommandTexts}). Rejections print their message
 * and exit 2.
 */
@Component
public class Commands {

    @Command(name = "envol", mixinStandardHelpOptions = true, description = "Envol — comptabilité des associations.",
            subcommands = CommandLine.HelpCommand.class, versionProvider = Version.class)
    static final class Root {
    }

    /** {@code envol --version}: the version the jar was built as (its manifest), or "dev" when run from the classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Commands.class.getPackage().getImplementationVersion();
            return new String[] {"Envol " + (version == null ? "dev" : version)};
        }
    }

    private final ApplicationContext context;
    private final Messages messages;
    private final CommandLanguage language;

    Commands(ApplicationContext context, Messages messages, CommandLanguage language) {
        this.context = context;
        this.messages = messages;
        this.language = language;
    }

    public int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public int execute(PrintWriter out, PrintWriter err, String... args) {
        Locale locale = language.locale();
        CommandLine root = commandLine(locale);
        root.setOut(out);
        root.setErr(err);
        root.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof RejectedException rejected) {
                rejected.rejections().forEach(r -> err.println(messages.rejection(r)));
                return 2;
            }
            if (ex instanceof org.springframework.security.access.AccessDeniedException) {
                err.println(messages.get("error.forbidden"));
                return 3;
            }
            throw ex;
        });
        // what the commands print (Messages, the features' texts) follows the same language
        LocaleContext previous = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(locale);
        try {
            return root.execute(args);
        } finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }

    /** The tree of commands, its help in {@code locale}. */
    CommandLine commandLine(Locale locale) {
        CommandLine root = new CommandLine(new Root(), new SpringFactory(context));
        Map<String, Object> beans = context.getBeansWithAnnotation(Command.class);
        // root commands are top-level classes that no other command lists as its subcommand
        Set<Class<?>> listed = beans.values().stream()
                .map(bean -> AnnotationUtils.findAnnotation(ClassUtils.getUserClass(bean), Command.class))
                .filter(Objects::nonNull).flatMap(command -> Arrays.stream(command.subcommands()))
                .collect(Collectors.toSet());
        beans.values().stream().filter(bean -> {
            Class<?> type = ClassUtils.getUserClass(bean);
            return !type.isMemberClass() && !listed.contains(type);
        }).forEach(root::addSubcommand);
        CommandTexts.apply(root, locale);
        return root;
    }

    private record SpringFactory(ApplicationContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return context.getBean(cls);
            } catch (org.springframework.beans.BeansException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
