package org.envol.members;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A member of the club (a pilot). {@code leftOn} is null while he or she belongs to the club;
 * {@code payerId} names the member who pays (a parent for a child); {@code userId} the login.
 */
public record Member(long id, String lastName, String firstName, String email, LocalDate birthDate, Long payerId,
        Long userId, LocalDate leftOn) {

    /** « DUPONT Jean »: how the member's accounts are labelled and how lists name the member. */
    public String display() {
        return accountLabel(lastName, firstName);
    }

    /** « Jean Dupont », as the member's login is named. */
    public String fullName() {
        return firstName + " " + lastName;
    }

    public boolean hasLeft() {
        return leftOn != null;
    }

    static String accountLabel(String lastName, String firstName) {
        return lastName.toUpperCase(Locale.FRENCH) + " " + firstName;
    }
}
