package org.envol.members;

import java.util.List;
import java.util.function.Supplier;
import org.envol.security.Authorities;
import org.envol.security.Role;

/** Runs a test's act as someone: a treasurer, an accountant, a member with his or her authorities. */
final class Acting {

    private Acting() {
    }

    static <T> T as(String name, List<String> authorities, Supplier<T> work) {
        return org.envol.testing.Acting.as(name, authorities, work);
    }

    static void as(String name, List<String> authorities, Runnable work) {
        org.envol.testing.Acting.as(name, authorities, work);
    }

    static List<String> treasurer(long sectionId) {
        return List.of(Authorities.section(sectionId, Role.TREASURER));
    }

    static List<String> accountant(long sectionId) {
        return List.of(Authorities.section(sectionId, Role.ACCOUNTANT));
    }
}
