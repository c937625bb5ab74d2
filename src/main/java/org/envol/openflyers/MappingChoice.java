package org.envol.openflyers;

/**
 * What a treasurer chose for an OpenFlyers account on a form, a command line or the API: an
 * account of the section (its id), « ignore », or « create » the member account.
 */
public record MappingChoice(Long accountId, boolean ignore, boolean create) {

    public static final String IGNORE = "ignore";
    public static final String CREATE = "create";

    public static MappingChoice parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.equalsIgnoreCase(IGNORE) || t.equalsIgnoreCase("ignorer")) {
            return new MappingChoice(null, true, false);
        }
        if (t.equalsIgnoreCase(CREATE) || t.equalsIgnoreCase("créer")) {
            return new MappingChoice(null, false, true);
        }
        if (t.matches("\\d{1,18}")) {
            return new MappingChoice(Long.parseLong(t), false, false);
        }
        throw new OpenFlyersException("openflyers.mapping.choice.invalid", t);
    }
}
