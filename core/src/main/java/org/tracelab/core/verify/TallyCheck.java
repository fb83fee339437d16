package org.tracelab.core.verify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.tracelab.core.ingest.EntityTallies;

/**
 * The entity tallies SQLite keeps (what {@code tracelab entities} lists) against a count of the entity rows: they are
 * derived, not evidence, but a wrong one would list a shared phone as unshared. Each value whose tally differs is
 * named, up to {@link #SHOWN}, then how many more.
 */
final class TallyCheck {
    static final int SHOWN = 20;

    private TallyCheck() {
    }

    static void run(Connection conn, Findings findings) throws SQLException {
        int n = 0;
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(EntityTallies.DIFFERING)) {
            while (rs.next()) {
                if (++n <= SHOWN) {
                    findings.add(Problem.Kind.TALLY_DAMAGED, rs.getString(1) + " " + rs.getString(2),
                            counts(rs.getString(3), rs.getString(4)), counts(rs.getString(5), rs.getString(6)));
                }
            }
        }
        if (n > SHOWN) {
            findings.add(Problem.Kind.TALLY_DAMAGED, (n - SHOWN) + " more entity values", "their rows' counts",
                    "other tallies");
        }
    }

    private static String counts(String items, String mentions) {
        return items == null ? "no tally" : items + " items, " + mentions + " mentions";
    }
}
