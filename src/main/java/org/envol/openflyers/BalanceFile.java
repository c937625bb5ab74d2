package org.envol.openflyers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenFlyers' « balance des comptes utilisateurs » export (report 141, formats.md §2a): a header
 * {@code ID;Nom;Profil;Type de compte;Balance}, then one line per account. Any other file is
 * refused on line 1.
 */
public record BalanceFile(String encoding, List<BalanceLine> lines) {

    public static final List<String> HEADER = List.of("ID", "Nom", "Profil", "Type de compte", "Balance");

    public BalanceFile {
        lines = List.copyOf(lines);
    }

    public static BalanceFile read(byte[] bytes) {
        OpenFlyersFile file = OpenFlyersFile.read(bytes);
        OpenFlyersFile.Row header = file.rows().get(0);
        if (!isHeader(header)) {
            throw new OpenFlyersException("openflyers.balance.header", header.line(), String.join(";", HEADER));
        }
        List<BalanceLine> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (OpenFlyersFile.Row row : file.rows().subList(1, file.rows().size())) {
            if (row.size() < HEADER.size()) {
                throw new OpenFlyersException("openflyers.file.fields", row.line(), row.size(), HEADER.size());
            }
            String id = row.get(0);
            if (id.isEmpty() || id.length() > AccountMappings.ID_MAX) {
                throw new OpenFlyersException("openflyers.balance.id", row.line(), id);
            }
            Integer first = seen.putIfAbsent(id, row.line());
            if (first != null) {
                throw new OpenFlyersException("openflyers.balance.duplicate", row.line(), id, first);
            }
            String name = row.get(1).length() > AccountMappings.NAME_MAX ? row.get(1).substring(0, AccountMappings.NAME_MAX) : row.get(1);
            // GVV skips an empty balance: it is an account with nothing on it
            long cents = row.get(4).isEmpty() ? 0 : OpenFlyersFile.amount(row.get(4), row.line());
            lines.add(new BalanceLine(row.line(), id, name.isEmpty() ? id : name, row.get(2), cents));
        }
        return new BalanceFile(file.encoding(), lines);
    }

    private static boolean isHeader(OpenFlyersFile.Row row) {
        if (row.size() != HEADER.size()) {
            return false;
        }
        for (int i = 0; i < HEADER.size(); i++) {
            if (!HEADER.get(i).equalsIgnoreCase(row.get(i))) {
                return false;
            }
        }
        return true;
    }

    public java.util.Optional<BalanceLine> find(String openFlyersId) {
        return lines.stream().filter(l -> l.openFlyersId().equals(openFlyersId)).findFirst();
    }
}
