package org.envol.platform;

import java.util.Arrays;
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

    public static boolean isServe(String[] args) {
        return args.length == 0 || args[0].startsWith("-") || args[0].equals("serve");
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
        try (ConfigurableApplicationContext context = app.run(springArgs)) {
            return context.getBean(Commands.class).execute(commandArgs);
        }
    }

    private static boolean isSetting(String arg) {
        return arg.startsWith("--spring.") || arg.startsWith("--envol.");
    }
}
