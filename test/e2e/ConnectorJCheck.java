// ConnectorJCheck.java — drives MariaDB Connector/J (JDBC) against a running server and
// checks every answer; run by connector_j_test.sh, which compiles it with javac into its
// temporary directory. Client-side prepared statements (the driver's default: parameters
// are interpolated into COM_QUERY text) and useServerPrepStmts=true (COM_STMT_PREPARE /
// COM_STMT_EXECUTE, binary result rows) are both exercised.
//
//   java -cp <tmp>:mariadb-java-client.jar ConnectorJCheck PORT
//
// runs every check once per driver configuration (kRuns), each in a database
// jdbc_run_<n> it creates: useServerPrepStmts=false, useServerPrepStmts=true, and
// rewriteBatchedStatements=true (batches become one multi-row INSERT; the driver then
// sets session_track_system_variables at connect). One JVM for all: JVM start-up is
// most of the test's time.
//
// What it exercises, in order:
//   DDL               CREATE TABLE with every common column type, AUTO_INCREMENT, UNIQUE
//   typed inserts     setInt/setLong/setBigDecimal/setDouble/setString/setDate/setTimestamp/
//                     setNull, getGeneratedKeys after each
//   batch insert      addBatch/executeBatch, update counts, generated keys of the batch
//   queries           typed getters, NULL + wasNull, ResultSetMetaData (names, labels, JDBC
//                     types, nullability, precision/scale), aggregates, setMaxRows
//   FOUND_ROWS        UPDATE of a row to its current value counts 1 (matched rows)
//   transactions      setAutoCommit(false) + rollback (row gone) / commit (row kept, seen
//                     by a second connection)
//   more types        TINYINT/SMALLINT/INT UNSIGNED/FLOAT/TEXT/VARBINARY/BLOB/TIME, setObject,
//                     getObject's Java classes, 200 executions of one statement,
//                     setCharacterStream/setBinaryStream (long data when server-side)
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

  /** The driver configurations, each run on its own fresh database jdbc_run_<n>. */
  private static final String[][] kRuns = {
      {"useServerPrepStmts=false", "client-side prepared statements (COM_QUERY)"},
      {"useServerPrepStmts=true", "server-side prepared statements (binary protocol)"},
      {"useServerPrepStmts=false&rewriteBatchedStatements=true", "batches rewritten"},
  };

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: ConnectorJCheck PORT");
      System.exit(2);
    }
    String base = "jdbc:mariadb://127.0.0.1:" + args[0] + "/";
    for (int run = 1; run <= kRuns.length; run++) {
      String database = "jdbc_run_" + run;
      String options = "?user=root&password=&" + kRuns[run - 1][0];
      try (Connection admin = DriverManager.getConnection(base + options);
           Statement st = admin.createStatement()) {
        st.executeUpdate("CREATE DATABASE " + database);
      }
      int before = checks;
      boolean serverPrep = kRuns[run - 1][0].contains("useServerPrepStmts=true");
      try (Connection conn = DriverManager.getConnection(base + database + options);
           Connection other = DriverManager.getConnection(base + database + options)) {
        createTable(conn);
        typedInserts(conn, serverPrep);
        batchInsert(conn);
        queries(conn);
        foundRows(conn);
        transactions(conn, other);
        errors(conn);
        moreTypes(conn);
      }
      System.out.println("ok  Connector/J " + kRuns[run - 1][0] + " (" + kRuns[run - 1][1] + "): "
          + (checks - before) + " checks in " + database);
    }
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

    // setMaxRows is SET SQL_SELECT_LIMIT around the query; it must cap the rows.
    try (Statement st = conn.createStatement()) {
      st.setMaxRows(2);
      try (ResultSet rs = st.executeQuery("SELECT id FROM items ORDER BY id")) {
        int rows = 0;
        while (rs.next()) rows++;
        check("rows with setMaxRows(2)", 2, rows);
      }
      st.setMaxRows(0);
      try (ResultSet rs = st.executeQuery("SELECT id FROM items ORDER BY id")) {
        int rows = 0;
        while (rs.next()) rows++;
        check("rows with setMaxRows(0)", 5, rows);
      }
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

  private static void moreTypes(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.executeUpdate("CREATE TABLE extras (k INT NOT NULL PRIMARY KEY, tiny TINYINT, "
          + "small SMALLINT, unsig INT UNSIGNED, f FLOAT, body TEXT, raw VARBINARY(16), "
          + "payload BLOB, t TIME)");
    }
    byte[] raw = {0, 1, (byte) 0xff, 'a'};
    try (PreparedStatement ps = conn.prepareStatement(
             "INSERT INTO extras VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setInt(1, 1);
      ps.setByte(2, (byte) -128);
      ps.setShort(3, (short) 32767);
      ps.setLong(4, 4294967295L);
      ps.setFloat(5, 1.5f);
      ps.setString(6, "x".repeat(3000));
      ps.setBytes(7, raw);
      ps.setBytes(8, new byte[] {9, 8, 7});
      ps.setTime(9, java.sql.Time.valueOf("12:34:56"));
      check("extras insert", 1, ps.executeUpdate());
      for (int k = 2; k <= 201; k++) {  // many executions of one prepared statement
        ps.setObject(1, k);
        ps.setObject(2, k % 100);
        ps.setObject(3, -k);
        ps.setObject(4, (long) k * 1000);
        ps.setObject(5, k / 4.0f);
        ps.setObject(6, "row " + k);
        ps.setNull(7, Types.VARBINARY);
        ps.setNull(8, Types.BLOB);
        ps.setNull(9, Types.TIME);
        ps.executeUpdate();
      }
    }
    // Streams (with server-side statements: COM_STMT_SEND_LONG_DATA before the EXECUTE).
    try (PreparedStatement ps = conn.prepareStatement(
             "UPDATE extras SET body = ?, payload = ? WHERE k = ?")) {
      ps.setCharacterStream(1, new java.io.StringReader("yz".repeat(30000)));
      byte[] blob = new byte[50000];
      for (int i = 0; i < blob.length; i++) blob[i] = (byte) (i * 7);
      ps.setBinaryStream(2, new java.io.ByteArrayInputStream(blob));
      ps.setInt(3, 2);
      check("update from streams", 1, ps.executeUpdate());
      try (PreparedStatement read = conn.prepareStatement(
               "SELECT CHAR_LENGTH(body), LENGTH(body), payload FROM extras WHERE k = ?")) {
        read.setInt(1, 2);
        try (ResultSet rs = read.executeQuery()) {
          checkTrue("streamed row", rs.next());
          check("streamed text characters", 60000, rs.getInt(1));
          check("streamed text bytes", 60000, rs.getInt(2));
          check("streamed blob", java.util.Arrays.hashCode(blob),
              java.util.Arrays.hashCode(rs.getBytes(3)));
        }
      }
    }
    try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM extras WHERE k = ?")) {
      ps.setInt(1, 1);
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        check("tiny type", Types.TINYINT, md.getColumnType(2));
        check("small type", Types.SMALLINT, md.getColumnType(3));
        check("unsigned type", Types.INTEGER, md.getColumnType(4));
        checkTrue("unsigned is not signed", !md.isSigned(4));
        checkTrue("small is signed", md.isSigned(3));
        check("float type", Types.REAL, md.getColumnType(5));
        check("text type", Types.VARCHAR, md.getColumnType(6));
        check("varbinary type", Types.VARBINARY, md.getColumnType(7));
        check("blob type", Types.VARBINARY, md.getColumnType(8));
        check("time type", Types.TIME, md.getColumnType(9));
        checkTrue("extras row", rs.next());
        check("tiny", (byte) -128, rs.getByte(2));
        check("small", (short) 32767, rs.getShort(3));
        check("unsigned", 4294967295L, rs.getLong(4));
        check("unsigned object", 4294967295L, rs.getObject(4));
        check("float", 1.5f, rs.getFloat(5));
        check("text", 3000, rs.getString(6).length());
        check("varbinary", java.util.Arrays.toString(raw),
            java.util.Arrays.toString(rs.getBytes(7)));
        check("blob", "[9, 8, 7]", java.util.Arrays.toString(rs.getBytes(8)));
        check("time", java.sql.Time.valueOf("12:34:56"), rs.getTime(9));
        check("int object class", Integer.class, rs.getObject(1).getClass());
      }
    }
    try (Statement st = conn.createStatement();
         ResultSet rs = st.executeQuery("SELECT COUNT(*), SUM(tiny), SUM(small), SUM(unsig), "
             + "SUM(f), SUM(LENGTH(body)) FROM extras WHERE k > 1")) {
      checkTrue("extras aggregate row", rs.next());
      check("extras count", 200L, rs.getLong(1));
      check("sum tiny", 9900L, rs.getLong(2));
      check("sum small", -20300L, rs.getLong(3));
      check("sum unsigned", 20300000L, rs.getLong(4));
      check("sum float", 5075.0, rs.getDouble(5));
      check("sum length", 1294L - "row 2".length() + 60000, rs.getLong(6));
    }
  }
}
