// ConnectorJCheck.java — drives MariaDB Connector/J (JDBC) against a running server and
// checks every answer; run by connector_j_test.sh, which compiles it with javac into its
// temporary directory and runs it twice: with client-side prepared statements (the
// driver's default: parameters are interpolated into COM_QUERY text) and with
// useServerPrepStmts=true (COM_STMT_PREPARE / COM_STMT_EXECUTE, binary result rows).
//
//   java -cp <tmp>:mariadb-java-client.jar ConnectorJCheck PORT DATABASE SERVER_PREP(true|false)
//
// What it exercises, in order:
//   DDL               CREATE TABLE with every common column type, AUTO_INCREMENT, UNIQUE
//   typed inserts     setInt/setLong/setBigDecimal/setDouble/setString/setDate/setTimestamp/
//                     setNull, getGeneratedKeys after each
//   batch insert      addBatch/executeBatch, update counts, generated keys of the batch
//   queries           typed getters, NULL + wasNull, ResultSetMetaData (names, labels, JDBC
//                     types, nullability, precision/scale), aggregates
//   FOUND_ROWS        UPDATE of a row to its current value counts 1 (matched rows)
//   transactions      setAutoCommit(false) + rollback (row gone) / commit (row kept, seen
//                     by a second connection)
//   errors            duplicate key -> SQLIntegrityConstraintViolationException 1062/23000,
//                     unknown table -> SQLSyntaxErrorException 1146/42S02; the connection
//                     keeps working after each
//
// With SERVER_PREP=true it also checks that the driver really used server-side
// statements: Connector/J silently falls back to client-side emulation when
// COM_STMT_PREPARE fails, which would hide a broken binary protocol.
// Exit status 0 = every check passed; the first failed check prints "FAIL: ..." and exits 1.

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Objects;

public final class ConnectorJCheck {
  private static int checks = 0;

  private static void check(String what, Object expected, Object actual) {
    checks++;
    if (!Objects.equals(expected, actual)) {
      System.err.println("FAIL: " + what + ": expected <" + expected + "> got <" + actual + ">");
      System.exit(1);
    }
  }

  private static void checkTrue(String what, boolean condition) {
    check(what, true, condition);
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: ConnectorJCheck PORT DATABASE SERVER_PREP(true|false)");
      System.exit(2);
    }
    String url = "jdbc:mariadb://127.0.0.1:" + args[0] + "/" + args[1]
        + "?user=root&password=&useServerPrepStmts=" + args[2];
    boolean serverPrep = Boolean.parseBoolean(args[2]);
    try (Connection conn = DriverManager.getConnection(url);
         Connection other = DriverManager.getConnection(url)) {
      createTable(conn);
      typedInserts(conn, serverPrep);
      batchInsert(conn);
      queries(conn);
      foundRows(conn);
      transactions(conn, other);
      errors(conn);
    }
    System.out.println("ok  Connector/J useServerPrepStmts=" + serverPrep + ": " + checks
        + " checks");
  }

  private static void createTable(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.executeUpdate("DROP TABLE IF EXISTS items");
      st.executeUpdate("CREATE TABLE items (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
          + "qty INT NOT NULL, big BIGINT, price DECIMAL(10,2), ratio DOUBLE, "
          + "name VARCHAR(40) NOT NULL, born DATE, seen DATETIME, note VARCHAR(20), "
          + "UNIQUE KEY name_unique (name))");
    }
  }

  private static final String kInsert = "INSERT INTO items (qty, big, price, ratio, name, born, "
      + "seen, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  private static void typedInserts(Connection conn, boolean serverPrep) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(kInsert, Statement.RETURN_GENERATED_KEYS)) {
      // The driver's class tells whether it prepared on the server or fell back.
      check("prepared statement kind", serverPrep ? "ServerSidePreparedStatement"
          : "ClientSidePreparedStatement", ps.getClass().getSimpleName());
      ps.setInt(1, 7);
      ps.setLong(2, 9000000000L);
      ps.setBigDecimal(3, new BigDecimal("12.34"));
      ps.setDouble(4, 0.25);
      ps.setString(5, "alpha 'quoted' \\ ünïcode");
      ps.setDate(6, Date.valueOf("2024-02-29"));
      ps.setTimestamp(7, Timestamp.valueOf("2024-03-01 13:14:15"));
      ps.setString(8, "first");
      check("insert 1 count", 1, ps.executeUpdate());
      check("insert 1 key", 1L, generatedKey(ps));

      ps.setInt(1, -3);
      ps.setNull(2, Types.BIGINT);
      ps.setNull(3, Types.DECIMAL);
      ps.setNull(4, Types.DOUBLE);
      ps.setString(5, "beta");
      ps.setNull(6, Types.DATE);
      ps.setNull(7, Types.TIMESTAMP);
      ps.setNull(8, Types.VARCHAR);
      check("insert 2 count", 1, ps.executeUpdate());
      check("insert 2 key", 2L, generatedKey(ps));
    }
  }

  private static long generatedKey(Statement st) throws SQLException {
    try (ResultSet keys = st.getGeneratedKeys()) {
      checkTrue("a generated key", keys.next());
      return keys.getLong(1);
    }
  }

  private static void batchInsert(Connection conn) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(kInsert, Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < 3; i++) {
        ps.setInt(1, 100 + i);
        ps.setLong(2, -1L - i);
        ps.setBigDecimal(3, new BigDecimal("0.5").add(BigDecimal.valueOf(i)));
        ps.setDouble(4, i * 1.5);
        ps.setString(5, "batch" + i);
        ps.setDate(6, Date.valueOf("2000-01-0" + (i + 1)));
        ps.setTimestamp(7, Timestamp.valueOf("1999-12-31 23:59:5" + i));
        ps.setString(8, null);
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      check("batch size", 3, counts.length);
      for (int count : counts) {
        checkTrue("batch update count 1 or SUCCESS_NO_INFO",
            count == 1 || count == Statement.SUCCESS_NO_INFO);
      }
      try (ResultSet keys = ps.getGeneratedKeys()) {
        StringBuilder ids = new StringBuilder();
        while (keys.next()) {
          ids.append(keys.getLong(1)).append(' ');
        }
        check("batch generated keys", "3 4 5 ", ids.toString());
      }
    }
  }

  private static void queries(Connection conn) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT id, qty, big, price, ratio, "
        + "name AS label, born, seen, note FROM items WHERE id = ?")) {
      ps.setLong(1, 1);
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        check("column count", 9, md.getColumnCount());
        check("column 6 label", "label", md.getColumnLabel(6));
        check("column 6 name", "name", md.getColumnName(6));
        check("column 1 type", Types.BIGINT, md.getColumnType(1));
        check("column 2 type", Types.INTEGER, md.getColumnType(2));
        check("column 3 type", Types.BIGINT, md.getColumnType(3));
        check("column 4 type", Types.DECIMAL, md.getColumnType(4));
        check("column 5 type", Types.DOUBLE, md.getColumnType(5));
        check("column 6 type", Types.VARCHAR, md.getColumnType(6));
        check("column 7 type", Types.DATE, md.getColumnType(7));
        check("column 8 type", Types.TIMESTAMP, md.getColumnType(8));
        check("price precision", 10, md.getPrecision(4));
        check("price scale", 2, md.getScale(4));
        check("qty nullable", ResultSetMetaData.columnNoNulls, md.isNullable(2));
        check("note nullable", ResultSetMetaData.columnNullable, md.isNullable(9));
        check("id auto increment", true, md.isAutoIncrement(1));
        check("table name", "items", md.getTableName(2));

        checkTrue("row 1", rs.next());
        check("id", 1L, rs.getLong("id"));
        check("qty", 7, rs.getInt("qty"));
        check("big", 9000000000L, rs.getLong("big"));
        check("price", new BigDecimal("12.34"), rs.getBigDecimal("price"));
        check("ratio", 0.25, rs.getDouble("ratio"));
        check("label", "alpha 'quoted' \\ ünïcode", rs.getString("label"));
        check("born", Date.valueOf("2024-02-29"), rs.getDate("born"));
        check("seen", Timestamp.valueOf("2024-03-01 13:14:15"), rs.getTimestamp("seen"));
        check("note", "first", rs.getString("note"));
        checkTrue("only one row", !rs.next());
      }

      ps.setLong(1, 2);
      try (ResultSet rs = ps.executeQuery()) {
        checkTrue("row 2", rs.next());
        check("negative qty", -3, rs.getInt(2));
        check("null big", 0L, rs.getLong(3));
        checkTrue("big was null", rs.wasNull());
        check("null price", null, rs.getBigDecimal(4));
        check("null ratio", null, rs.getObject(5));
        check("null born", null, rs.getDate(7));
        check("null seen", null, rs.getTimestamp(8));
        check("null note", null, rs.getString(9));
      }

      ps.setLong(1, 42);
      try (ResultSet rs = ps.executeQuery()) {
        checkTrue("no row for id 42", !rs.next());
      }
    }

    try (Statement st = conn.createStatement();
         ResultSet rs = st.executeQuery("SELECT COUNT(*) AS n, SUM(qty), MAX(price), "
             + "MIN(born) FROM items")) {
      checkTrue("aggregate row", rs.next());
      check("count", 5L, rs.getLong("n"));
      check("sum(qty)", 307L, rs.getLong(2));
      check("max(price)", new BigDecimal("12.34"), rs.getBigDecimal(3));
      check("min(born)", Date.valueOf("2000-01-01"), rs.getDate(4));
    }

    try (PreparedStatement ps = conn.prepareStatement(
             "SELECT name, ratio * ? FROM items WHERE qty >= ? ORDER BY id DESC")) {
      ps.setDouble(1, 2.0);
      ps.setInt(2, 101);
      try (ResultSet rs = ps.executeQuery()) {
        StringBuilder seen = new StringBuilder();
        while (rs.next()) {
          seen.append(rs.getString(1)).append('=').append(rs.getDouble(2)).append(' ');
        }
        check("range query", "batch2=6.0 batch1=3.0 ", seen.toString());
      }
    }
  }

  private static void foundRows(Connection conn) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("UPDATE items SET qty = ? WHERE id = ?")) {
      ps.setInt(1, 7);  // already 7: Connector/J asks for matched rows (CLIENT_FOUND_ROWS)
      ps.setLong(2, 1);
      check("update to the same value counts matched rows", 1, ps.executeUpdate());
      ps.setInt(1, 8);
      ps.setLong(2, 1);
      check("update count", 1, ps.executeUpdate());
    }
  }

  private static int countRows(Connection conn, String name) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT COUNT(*) FROM items WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static void transactions(Connection conn, Connection other) throws SQLException {
    conn.setAutoCommit(false);
    try (PreparedStatement ps = conn.prepareStatement(
             "INSERT INTO items (qty, name) VALUES (?, ?)")) {
      ps.setInt(1, 1);
      ps.setString(2, "rolled back");
      ps.executeUpdate();
      check("own uncommitted row visible", 1, countRows(conn, "rolled back"));
      check("uncommitted row invisible to others", 0, countRows(other, "rolled back"));
      conn.rollback();
      check("rolled back row gone", 0, countRows(conn, "rolled back"));

      ps.setInt(1, 2);
      ps.setString(2, "committed");
      ps.executeUpdate();
      conn.commit();
    }
    conn.setAutoCommit(true);
    check("committed row seen by another connection", 1, countRows(other, "committed"));
  }

  private static void errors(Connection conn) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(
             "INSERT INTO items (qty, name) VALUES (?, ?)")) {
      ps.setInt(1, 1);
      ps.setString(2, "beta");
      try {
        ps.executeUpdate();
        check("duplicate key raises", "an exception", "none");
      } catch (SQLIntegrityConstraintViolationException e) {
        check("duplicate key error code", 1062, e.getErrorCode());
        check("duplicate key SQLSTATE", "23000", e.getSQLState());
      }
    }
    try (Statement st = conn.createStatement()) {
      st.executeQuery("SELECT * FROM no_such_table");
      check("unknown table raises", "an exception", "none");
    } catch (SQLSyntaxErrorException e) {
      check("unknown table error code", 1146, e.getErrorCode());
      check("unknown table SQLSTATE", "42S02", e.getSQLState());
    }
    check("connection usable after errors", 6, countRowsTotal(conn));
  }

  private static int countRowsTotal(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement();
         ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM items")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
