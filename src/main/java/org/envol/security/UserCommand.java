package org.envol.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.envol.ledger.SectionService;
import org.envol.ledger.Messages;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code envol user …}: users and their roles, from the server's console. {@code user add} is how
 * the first admin is created. Passwords come from standard input ({@code --password-stdin}) or the
 * terminal, never from the arguments.
 */
@Component
@Command(name = "user", mixinStandardHelpOptions = true, description = "Utilisateurs et rôles.", subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class,
    UserCommand.GrantRole.class, UserCommand.RevokeRole.class, UserCommand.Password.class, UserCommand.Disable.class,
    UserCommand.Enable.class, UserCommand.Link.class, UserCommand.Unlink.class})
public class UserCommand {

    /** {@code --role TREASURER --section PLANEUR}, repeatable; without --section the role is club-wide. */
    static class RoleOption {
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "TREASURER, ACCOUNTANT ou MEMBER (ADMIN : --admin).")
        String role;

        @Option(names = "--section", paramLabel = "CODE", description = "Code de la section ; sans --section, le rôle vaut pour tout le club.")
        String section;
    }

    /** {@code IDENTIFIANT}, the first parameter of most user commands. */
    static class Username {
        @Parameters(index = "0", paramLabel = "IDENTIFIANT", descriptionKey = "shared.username", description = "Identifiant de l’utilisateur.")
        String name;
    }

    /** {@code --password-stdin}: the password from standard input rather than the terminal. */
    static class PasswordStdin {
        @Option(names = "--password-stdin", descriptionKey = "shared.password-stdin",
                description = "Lit le mot de passe sur la première ligne de l'entrée standard.")
        boolean on;
    }

    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Crée un utilisateur ; le mot de passe est lu sur l'entrée standard (--password-stdin) ou au terminal.")
    static class Add extends SecurityCommand {

        @Mixin
        Username user;

        @Option(names = "--name", paramLabel = "NOM", description = "Nom affiché (par défaut l'identifiant).")
        String displayName;

        @Option(names = "--admin", description = "Administrateur (tout le club).")
        boolean admin;

        @ArgGroup(exclusive = false, multiplicity = "0..*")
        List<RoleOption> roles;

        @Mixin
        PasswordStdin passwordStdin;

        private final UserService users;
        private final SectionService sections;
        private final PasswordPrompt prompt;

        Add(Messages messages, UserService users, SectionService sections, PasswordPrompt prompt) {
            super(messages);
            this.users = users;
            this.sections = sections;
            this.prompt = prompt;
        }

        @Override
        int run() {
            List<Grant> grants = new ArrayList<>();
            if (admin) {
                grants.add(Grant.clubWide(Role.ADMIN));
            }
            if (roles != null) {
                roles.forEach(r -> grants.add(grant(r.role, r.section, sections)));
            }
            boolean firstUser = !users.hasAdmin();
            String password = prompt.read(passwordStdin.on);
            AppUser created = users.create(user.name, displayName, password, grants);
            out().println(messages.get("security.cli.userCreated", created.username(), describe(created.grants(), sectionCodes(sections))));
            if (firstUser && !created.isAdmin()) {
                err().println(messages.get("security.cli.noAdminYet"));
            }
            return 0;
        }
    }

    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Liste les utilisateurs : identifiant, nom, rôles, comptes, état.")
    static class ListUsers extends SecurityCommand {

        private final UserService users;
        private final SectionService sections;

        ListUsers(Messages messages, UserService users, SectionService sections) {
            super(messages);
            this.users = users;
            this.sections = sections;
        }

        @Override
        int run() {
            Map<Long, String> codes = sectionCodes(sections);
            List<List<String>> rows = users.list().stream().map(u -> List.of(u.username(), u.displayName(), describe(u.grants(), codes),
                    u.accountIds().isEmpty() ? "-" : u.accountIds().stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow(),
                    messages.get(u.enabled() ? "security.users.active" : "security.users.inactive"))).toList();
            if (rows.isEmpty()) {
                out().println(messages.get("security.cli.noUser"));
                return 0;
            }
            table(List.of(messages.get("security.cli.col.username"), messages.get("security.cli.col.name"),
                    messages.get("security.cli.col.roles"), messages.get("security.cli.col.accounts"),
                    messages.get("security.cli.col.state")), rows);
            return 0;
        }
    }

    /** The username and the role of {@code user grant} and {@code user revoke}. */
    abstract static class RoleChange extends SecurityCommand {

        @Mixin
        Username user;

        @Option(names = "--role", required = true, paramLabel = "ROLE", descriptionKey = "shared.role-change.role",
                description = "ADMIN, TREASURER, ACCOUNTANT ou MEMBER.")
        String role;

        @Option(names = "--section", paramLabel = "CODE", descriptionKey = "shared.role-change.section",
                description = "Code de la section ; sans --section, tout le club.")
        String section;

        final UserService users;
        final SectionService sections;

        RoleChange(Messages messages, UserService users, SectionService sections) {
            super(messages);
            this.users = users;
            this.sections = sections;
        }

        @Override
        int run() {
            AppUser after = change(users.get(user.name).id(), grant(role, section, sections));
            out().println(messages.get("security.cli.rolesNow", after.username(), describe(after.grants(), sectionCodes(sections))));
            return 0;
        }

        abstract AppUser change(long userId, Grant grant);
    }

    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "grant", mixinStandardHelpOptions = true, description = "Donne un rôle à un utilisateur, dans une section ou pour tout le club.")
    static class GrantRole extends RoleChange {

        GrantRole(Messages messages, UserService users, SectionService sections) {
            super(messages, users, sections);
        }

        @Override
        AppUser change(long userId, Grant grant) {
            return users.grant(userId, grant);
        }
    }

    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Retire un rôle à un utilisateur.")
    static class RevokeRole extends RoleChange {

        RevokeRole(Messages messages, UserService users, SectionService sections) {
            super(messages, users, sections);
        }

        @Override
        AppUser change(long userId, Grant grant) {
            return users.revoke(userId, grant);
        }
    }

    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "password", mixinStandardHelpOptions = true, description = "Donne un nouveau mot de passe (lu sur l'entrée standard ou au terminal).")
    static class Password extends SecurityCommand {

        @Mixin
        Username user;

        @Mixin
        PasswordStdin passwordStdin;

        private final UserService users;
        private final PasswordPrompt prompt;

        Password(Messages messages, UserService users, PasswordPrompt prompt) {
            super(messages);
            this.users = users;
            this.prompt = prompt;
        }

        @Override
        int run() {
            AppUser changed = users.get(user.name);
            users.changePassword(changed.id(), prompt.read(passwordStdin.on));
            out().println(messages.get("security.cli.passwordChanged", changed.username()));
            return 0;
        }
    }

    /** {@code user disable} and {@code user enable}: whether a user may sign in and use his or her tokens. */
    abstract static class StateChange extends SecurityCommand {

        @Mixin
        Username user;

        final UserService users;
        private final String doneKey;

        StateChange(Messages messages, UserService users, String doneKey) {
            super(messages);
            this.users = users;
            this.doneKey = doneKey;
        }

        @Override
        int run() {
            change(users.get(user.name).id());
            out().println(messages.get(doneKey, UserService.normalize(user.name)));
            return 0;
        }

        abstract void change(long userId);
    }

    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Désactive un utilisateur : plus de connexion, ses jetons d'API cessent de fonctionner.")
    static class Disable extends StateChange {

        Disable(Messages messages, UserService users) {
            super(messages, users, "security.cli.disabled");
        }

        @Override
        void change(long userId) {
            users.disable(userId);
        }
    }

    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Réactive un utilisateur désactivé.")
    static class Enable extends StateChange {

        Enable(Messages messages, UserService users) {
            super(messages, users, "security.cli.enabled");
        }

        @Override
        void change(long userId) {
            users.enable(userId);
        }
    }

    /** {@code user link} and {@code user unlink}: the user and the account. */
    abstract static class AccountChange extends SecurityCommand {

        @Mixin
        Username user;

        @Option(names = "--account", required = true, paramLabel = "N°", descriptionKey = "shared.account-change.account",
                description = "Numéro interne du compte.")
        long accountId;

        final UserService users;

        AccountChange(Messages messages, UserService users) {
            super(messages);
            this.users = users;
        }

        @Override
        int run() {
            AppUser after = change(users.get(user.name).id(), accountId);
            out().println(messages.get("security.cli.accountsNow", after.username(), after.accountIds().toString()));
            return 0;
        }

        abstract AppUser change(long userId, long accountId);
    }

    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "link", mixinStandardHelpOptions = true, description = "Rattache un compte (n° interne) à un membre : il en voit l'extrait et le solde.")
    static class Link extends AccountChange {

        Link(Messages messages, UserService users) {
            super(messages, users);
        }

        @Override
        AppUser change(long userId, long accountId) {
            return users.linkAccount(userId, accountId);
        }
    }

    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "unlink", mixinStandardHelpOptions = true, description = "Détache un compte d'un membre.")
    static class Unlink extends AccountChange {

        Unlink(Messages messages, UserService users) {
            super(messages, users);
        }

        @Override
        AppUser change(long userId, long accountId) {
            return users.unlinkAccount(userId, accountId);
        }
    }
}
