package org.envol.platform;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts Envol as a server ({@code serve}, the default) or runs one command and returns its exit
 * code: commands use the same services, on the configured database, without a web server.
 */
public final class CommandLineLauncher {

    private CommandLineLauncher() {
    }

    /** Settings alone ({@code --server.port=…}) start the server; {@code --help} and {@code --version} are the command line's. */
    public static boolean isServe(String[] args) {
        if (args.length == 0 || args[0].equals("serve")) {
            return true;
        }
        return args[0].startsWith("-") && !List.of("-h", "--help", "-V", "--version").contains(args[0]);
    }

    public static ConfigurableApplicationContext serve(Class<?> application, String[] args) {
        String[] rest = args.length > 0 && args[0].equals("serve") ? Arrays.copyOfRange(args, 1, args.length) : args;
        return SpringApplication.run(application, rest);
    }

    public static int runCommand(Class<?> application, String[] args) {
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setAdditionalProfiles("command");
        app.setLogStartupInfo(false);
        // --spring.* and --envol.* set configuration; the rest is the command
        String[] springArgs = Arrays.stream(args).filter(CommandLineLauncher::isSetting).toArray(String[]::new);
        String[] commandArgs = Arrays.stream(args).filter(a -> !isSetting(a)).toArray(String[]::new);
        if (bringsOwnDatabase(commandArgs)) {
            springArgs = concat(Arrays.stream(springArgs).filter(a -> !a.startsWith("--spring.datasource.")).toArray(String[]::new),
                    "--spring.datasource.url=jdbc:h2:mem:envol-launcher;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                    "--spring.datasource.username=sa", "--spring.datasource.password=");
        }
        try (ConfigurableApplicationContext context = app.run(springArgs)) {
            return context.getBean(Commands.class).execute(commandArgs);
        }
    }

    /**
     * The benchmark runs on a throw-away database of its own unless told {@code --db configured}:
     * the launcher must not open, let alone migrate, the user's database for it.
     */
    static boolean bringsOwnDatabase(String[] commandArgs) {
        List<String> a = Arrays.asList(commandArgs);
        return !a.isEmpty() && a.get(0).equals("bench") && !a.contains("--db=configured")
                && !(a.contains("--db") && a.indexOf("--db") + 1 < a.size() && a.get(a.indexOf("--db") + 1).equals("configured"));
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static boolean isSetting(String arg) {
        return arg.startsWith("--spring.") || arg.startsWith("--envol.");
    }
}
