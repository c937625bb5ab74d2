package org.envol.security;

import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import org.envol.ledger.Messages;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code envol token …}: API tokens. The token is printed once, alone on standard output, so scripts can capture it. */
@Component
@Command(name = "token", mixinStandardHelpOptions = true, description = "Jetons d'API.", subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class,
    TokenCommand.Revoke.class})
public class TokenCommand {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Crée un jeton d'API pour un utilisateur et l'affiche, une seule fois.")
    static class Create extends SecurityCommand {

        @Option(names = "--user", required = true, paramLabel = "IDENTIFIANT", description = "Identifiant de l’utilisateur qui reçoit le jeton.")
        String username;

        @Option(names = "--name", required = true, paramLabel = "NOM", description = "À quoi sert le jeton (ex. : export-compta).")
        String name;

        private final ApiTokenService tokens;

        Create(Messages messages, ApiTokenService tokens) {
            super(messages);
            this.tokens = tokens;
        }

        @Override
        int run() {
            IssuedToken issued = tokens.create(username, name);
            // the explanation on standard error: standard output carries the token alone
            err().println(messages.get("security.cli.tokenCreated", String.valueOf(issued.token().id()), issued.token().name(), issued.token().username()));
            out().println(issued.secret());
            return 0;
        }
    }

    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Liste les jetons (tous, ou ceux d'un utilisateur) ; jamais les jetons eux-mêmes.")
    static class ListTokens extends SecurityCommand {

        @Option(names = "--user", paramLabel = "IDENTIFIANT", description = "Seulement les jetons de cet utilisateur.")
        String username;

        private final ApiTokenService tokens;

        ListTokens(Messages messages, ApiTokenService tokens) {
            super(messages);
            this.tokens = tokens;
        }

        @Override
        int run() {
            List<ApiToken> list = username == null ? tokens.all() : tokens.list(username);
            if (list.isEmpty()) {
                out().println(messages.get("security.tokens.none"));
                return 0;
            }
            table(List.of(messages.get("security.cli.col.id"), messages.get("security.cli.col.username"),
                    messages.get("security.tokens.name"), messages.get("security.tokens.createdAt"),
                    messages.get("security.tokens.lastUsedAt"), messages.get("security.tokens.state")),
                    list.stream().map(t -> List.of(String.valueOf(t.id()), t.username(), t.name(), when(t.createdAt()),
                            t.lastUsedAt() == null ? messages.get("security.tokens.never") : when(t.lastUsedAt()),
                            t.active() ? messages.get("security.tokens.active") : messages.get("security.tokens.revokedOn", when(t.revokedAt()))))
                            .toList());
            return 0;
        }

        private static String when(TemporalAccessor t) {
            return WHEN.format(t);
        }
    }

    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Révoque un jeton : il cesse aussitôt de fonctionner.")
    static class Revoke extends SecurityCommand {

        @Parameters(index = "0", paramLabel = "N°", description = "Numéro du jeton (voir token list).")
        long tokenId;

        private final ApiTokenService tokens;

        Revoke(Messages messages, ApiTokenService tokens) {
            super(messages);
            this.tokens = tokens;
        }

        @Override
        int run() {
            ApiToken t = tokens.revoke(tokenId);
            out().println(messages.get("security.cli.tokenRevoked", String.valueOf(t.id()), t.name(), t.username()));
            return 0;
        }
    }
}
