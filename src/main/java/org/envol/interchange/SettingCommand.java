package org.envol.interchange;

import java.util.concurrent.Callable;
import org.envol.ledger.Messages;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code envol setting set siren 123456782} and {@code envol setting get siren}: the club's settings. */
@Component
@Command(name = "setting", description = "Réglages du club (siren).", subcommands = {SettingCommand.Set.class, SettingCommand.Get.class})
public class SettingCommand {

    /** {@code NAME}, the first parameter of {@code setting set} and {@code setting get}. */
    static class SettingName {
        @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "shared.setting", description = "Nom du réglage : siren.")
        String name;
    }

    @Component
    @Scope("prototype")
    @Command(name = "set", description = "Enregistre un réglage (siren : 9 chiffres, clé de Luhn).")
    static class Set implements Callable<Integer> {

        private final ClubSettings settings;
        private final Messages messages;

        @Spec
        CommandSpec spec;

        @Mixin
        SettingName setting;

        @Parameters(index = "1", paramLabel = "VALUE", description = "Sa valeur.")
        String value;

        Set(ClubSettings settings, Messages messages) {
            this.settings = settings;
            this.messages = messages;
        }

        @Override
        public Integer call() {
            return CommandSupport.run(messages, spec.commandLine().getErr(), () -> {
                settings.set(setting.name, value);
                spec.commandLine().getOut().println(setting.name + " = " + settings.get(setting.name).orElse(""));
                return 0;
            });
        }
    }

    @Component
    @Scope("prototype")
    @Command(name = "get", description = "Affiche un réglage (exit 1 s'il n'est pas renseigné).")
    static class Get implements Callable<Integer> {

        private final ClubSettings settings;
        private final Messages messages;

        @Spec
        CommandSpec spec;

        @Mixin
        SettingName setting;

        Get(ClubSettings settings, Messages messages) {
            this.settings = settings;
            this.messages = messages;
        }

        @Override
        public Integer call() {
            return CommandSupport.run(messages, spec.commandLine().getErr(), () -> {
                var value = settings.get(setting.name);
                spec.commandLine().getOut().println(setting.name + " = " + value.orElse(""));
                return value.isPresent() ? 0 : 1;
            });
        }
    }
}
