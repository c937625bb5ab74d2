package org.envol.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's copy of the PostgreSQL guards (db/migration/postgresql/V3__guards.sql): a frozen entry
 * and its lines cannot change by any path, and the audit log is append-only.
 */
public final class H2Guards {

    private H2Guards() {
    }

    static final String FROZEN = "ENVOL_FROZEN: ";

    private static int columnIndex(Connection conn, String schema, String table, String column) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "select ordinal_position from information_schema.columns"
                        + " where lower(table_schema) = lower(?) and lower(table_name) = lower(?) and lower(column_name) = lower(?)")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            ps.setString(3, column);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("column " + column + " not found in " + table);
                }
                return rs.getInt(1) - 1;
            }
        }
    }

    /** Refuses any update or delete of an entry whose status is FROZEN. */
    public static final class FrozenEntry implements Trigger {
        private int statusIndex;
        private int idIndex;

        @Override
        public void init(Connection conn, String schema, String trigger, String table, boolean before, int type)
                throws SQLException {
            statusIndex = columnIndex(conn, schema, table, "status");
            idIndex = columnIndex(conn, schema, table, "id");
        }

        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
            if (oldRow != null && "FROZEN".equals(oldRow[statusIndex])) {
                throw new SQLException(FROZEN + "entry " + oldRow[idIndex] + " is validated (frozen) and cannot be changed");
            }
        }
    }

    /** Refuses to insert, update or delete a line of a FROZEN entry. */
    public static final class FrozenLine implements Trigger {
        private int entryIndex;

        @Override
        public void init(Connection conn, String schema, String trigger, String table, boolean before, int type)
                throws SQLException {
            entryIndex = columnIndex(conn, schema, table, "entry_id");
        }

        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
            Object entryId = oldRow != null ? oldRow[entryIndex] : newRow[entryIndex];
            try (PreparedStatement ps = conn.prepareStatement("select status from entry where id = ?")) {
                ps.setObject(1, entryId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && "FROZEN".equals(rs.getString(1))) {
                        throw new SQLException(FROZEN + "the lines of entry " + entryId + " are validated (frozen) and cannot be changed");
                    }
                }
            }
        }
    }

    /** Refuses updates and deletes: for the audit log. */
    public static final class AppendOnly implements Trigger {
        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
            throw new SQLException("ENVOL_AUDIT: the audit log is append-only");
        }
    }
}
