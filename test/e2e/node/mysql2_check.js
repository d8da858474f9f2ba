// mysql2_check.js — drives the Node.js driver mysql2 against a running server and checks
// every answer; run by test/e2e/node_mysql2_test.sh (node_modules installed next to this
// file by tools/deps.sh with `npm ci`).
//
//   node mysql2_check.js PORT DATABASE
//
// mysql2 has two paths to the server, and both are exercised on the same data:
//   query()    parameters escaped into the SQL text by the driver, one COM_QUERY, text
//              result rows (`VALUES ?` with nested arrays becomes a multi-row INSERT);
//   execute()  COM_STMT_PREPARE once per SQL text (cached by the driver), then
//              COM_STMT_EXECUTE with typed parameters: every JS number is sent as a
//              DOUBLE (the server must convert 2.0 into an INT column), strings and
//              BigInts as VAR_STRING, Dates as DATETIME, Buffers as BLOB, booleans as
//              TINY, null as NULL; result rows in the binary format.
// Then a transaction (beginTransaction/rollback/commit, seen from a second connection),
// CLIENT_FOUND_ROWS (mysql2 always sets it), the insertId of upserts, and errors (duplicate key ER_DUP_ENTRY
// 1062/23000, syntax 1064, unknown table 1146) on connections that keep working.
// Exit status 0 = every check passed; the first failure prints "FAIL: ..." and exits 1.
'use strict';

const assert = require('node:assert/strict');
const mysql = require('mysql2/promise');

let checks = 0;
function check(what, actual, expected) {
  checks++;
  try {
    assert.deepStrictEqual(actual, expected);
  } catch (e) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)} got ${JSON.stringify(actual)}`);
  }
}

// Runs `action`, which must fail with the MySQL error `errno`; returns the error.
async function expectError(what, action, errno, code, sqlState) {
  try {
    await action();
  } catch (e) {
    check(`${what}: errno`, e.errno, errno);
    check(`${what}: code`, e.code, code);
    check(`${what}: SQLSTATE`, e.sqlState, sqlState);
    return e;
  }
  throw new Error(`${what}: no error`);
}

async function createTable(conn) {
  await conn.query('DROP TABLE IF EXISTS items');
  await conn.query(`CREATE TABLE items (
      id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      qty INT NOT NULL,
      big BIGINT,
      price DECIMAL(10,2),
      ratio DOUBLE,
      name VARCHAR(40) NOT NULL,
      born DATE,
      seen DATETIME,
      flag TINYINT,
      raw VARBINARY(8),
      UNIQUE KEY name_unique (name))`);
}

const kInsert = 'INSERT INTO items (qty, big, price, ratio, name, born, seen, flag, raw) ' +
    'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';

async function textProtocol(conn) {
  const [result] = await conn.query(kInsert, [7, '9000000000', '12.34', 0.25,
    'alpha \'quoted\' \\ ünïcode', '2024-02-29', '2024-03-01 13:14:15', true,
    Buffer.from([0, 1, 0xff])]);
  check('query insert affectedRows', result.affectedRows, 1);
  check('query insert insertId', result.insertId, 1);

  const [multi] = await conn.query(
      'INSERT INTO items (qty, name, ratio) VALUES ?', [[[1, 'q1', 1.5], [2, 'q2', null]]]);
  check('multi-row insert affectedRows', multi.affectedRows, 2);
  check('multi-row insert id is the first of the batch', multi.insertId, 2);

  const [rows, fields] = await conn.query(
      'SELECT id, qty, big, price, ratio, name, born, seen, flag, raw, NULL AS nothing ' +
      'FROM items WHERE id = ?', [1]);
  check('query field names', fields.map((f) => f.name),
      ['id', 'qty', 'big', 'price', 'ratio', 'name', 'born', 'seen', 'flag', 'raw', 'nothing']);
  check('query row', rows, [{
    id: 1, qty: 7, big: 9000000000, price: '12.34', ratio: 0.25,
    name: 'alpha \'quoted\' \\ ünïcode', born: '2024-02-29', seen: '2024-03-01 13:14:15',
    flag: 1, raw: Buffer.from([0, 1, 0xff]), nothing: null,
  }]);

  const [agg] = await conn.query(
      'SELECT COUNT(*) AS n, SUM(qty) AS total, AVG(ratio) AS avg FROM items');
  check('query aggregates', agg, [{n: 3, total: '10', avg: 0.875}]);
}

async function binaryProtocol(conn) {
  const [result] = await conn.execute(kInsert, [-3, 1234567890123n, '0.5', 1e-3, 'beta',
    '2000-01-01', new Date(Date.UTC(1999, 11, 31, 23, 59, 58)), false, Buffer.from('xyz')]);
  check('execute insert affectedRows', result.affectedRows, 1);
  check('execute insert insertId', result.insertId, 4);

  // Numbers travel as DOUBLE: 2 into INT, 5.25 into DECIMAL.
  for (let i = 0; i < 20; i++) {
    await conn.execute('INSERT INTO items (qty, price, name) VALUES (?, ?, ?)',
        [i * 2, 5.25, `loop${i}`]);
  }
  const [nulls] = await conn.execute(kInsert,
      [0, null, null, null, 'gamma', null, null, null, null]);
  check('execute with NULLs insertId', nulls.insertId, 25);

  const kSelect = 'SELECT id, qty, big, price, ratio, name, born, seen, flag, raw ' +
      'FROM items WHERE id = ?';
  const [rows, fields] = await conn.execute(kSelect, [4]);
  check('execute field names', fields.map((f) => f.name),
      ['id', 'qty', 'big', 'price', 'ratio', 'name', 'born', 'seen', 'flag', 'raw']);
  check('execute row', rows, [{
    id: 4, qty: -3, big: 1234567890123, price: '0.50', ratio: 0.001, name: 'beta',
    born: '2000-01-01', seen: '1999-12-31 23:59:58', flag: 0, raw: Buffer.from('xyz'),
  }]);
  const [nullRow] = await conn.execute(kSelect, [25]);
  check('execute NULL row', nullRow, [{
    id: 25, qty: 0, big: null, price: null, ratio: null, name: 'gamma', born: null,
    seen: null, flag: null, raw: null,
  }]);
  const [none] = await conn.execute(kSelect, [999]);
  check('execute no row', none, []);

  const [range] = await conn.execute(
      'SELECT name, qty * ? AS doubled FROM items WHERE qty BETWEEN ? AND ? ORDER BY qty DESC',
      [2, 30, 34]);
  check('execute range', range, [
    {name: 'loop17', doubled: 68}, {name: 'loop16', doubled: 64}, {name: 'loop15', doubled: 60},
  ]);
  const [agg] = await conn.execute(
      'SELECT COUNT(*) AS n, SUM(price) AS total FROM items WHERE name LIKE ?', ['loop%']);
  check('execute aggregates', agg, [{n: 20, total: '105.00'}]);

  // LIMIT/OFFSET parameters arrive as DOUBLEs too.
  const [page] = await conn.execute(
      'SELECT name FROM items WHERE name LIKE ? ORDER BY id LIMIT ? OFFSET ?', ['loop%', 2, 3]);
  check('LIMIT ? OFFSET ? with numbers', page, [{name: 'loop3'}, {name: 'loop4'}]);

  // The same text through query() and execute() reads the same row.
  const [viaQuery] = await conn.query(kSelect, [4]);
  check('query and execute agree', viaQuery, rows);
}

// @v and @@v carry their types (sql/expression/variable_reader.h): numbers, not text.
async function variables(conn) {
  await conn.query('SET @a = 1, @s = ?', ['x']);
  const kSelect = 'SELECT @a AS a, @a + 1 AS b, @s AS s, @@max_allowed_packet > 0 AS p, ' +
      '@@autocommit AS ac';
  const [viaQuery] = await conn.query(kSelect);
  check('query variables', viaQuery, [{a: 1, b: 2, s: 'x', p: 1, ac: 1}]);
  const [viaExecute] = await conn.execute(kSelect);
  check('execute variables', viaExecute, viaQuery);
  const [[packet]] = await conn.query('SELECT @@max_allowed_packet AS m');
  check('@@max_allowed_packet is a number', typeof packet.m, 'number');
}

async function foundRows(conn) {
  const [same] = await conn.execute('UPDATE items SET qty = ? WHERE id = ?', [7, 1]);
  check('UPDATE to the same value counts matched rows', same.affectedRows, 1);
  const [changed] = await conn.query('UPDATE items SET qty = qty + 1 WHERE name LIKE ?',
      ['loop1%']);
  check('UPDATE affectedRows', changed.affectedRows, 11);
}

// insertId and affectedRows of upserts, as MariaDB reports them: the id of the row
// inserted or updated, never an id used up by a row that met a duplicate key.
async function upserts(conn) {
  await conn.query('CREATE TABLE counters (id INT AUTO_INCREMENT PRIMARY KEY, ' +
      'name VARCHAR(10) NOT NULL UNIQUE, hits INT NOT NULL)');
  const kUpsert = 'INSERT INTO counters (name, hits) VALUES (?, ?) ' +
      'ON DUPLICATE KEY UPDATE hits = hits + VALUES(hits)';
  let [r] = await conn.execute(kUpsert, ['a', 1]);
  check('upsert inserts', [r.affectedRows, r.insertId], [1, 1]);
  [r] = await conn.execute(kUpsert, ['a', 1]);
  check('upsert updates: the updated row\'s id', [r.affectedRows, r.insertId], [2, 1]);
  [r] = await conn.execute(kUpsert, ['a', 0]);
  check('upsert unchanged: matched (FOUND_ROWS)', [r.affectedRows, r.insertId], [1, 0]);
  [r] = await conn.execute(kUpsert, ['b', 5]);
  check('next insert after used-up ids', [r.affectedRows, r.insertId], [1, 4]);
  [r] = await conn.query('INSERT INTO counters (id, name, hits) VALUES (10, \'c\', 0)');
  check('explicit id is the insert id', r.insertId, 10);
  [r] = await conn.query('INSERT IGNORE INTO counters (name, hits) VALUES (\'c\', 0)');
  check('ignored row: no insert id', [r.affectedRows, r.insertId], [0, 0]);
  const [rows] = await conn.query('SELECT name, hits FROM counters ORDER BY id');
  check('counters', rows, [{name: 'a', hits: 2}, {name: 'b', hits: 5}, {name: 'c', hits: 0}]);
}

async function countNamed(conn, name) {
  const [rows] = await conn.execute('SELECT COUNT(*) AS n FROM items WHERE name = ?', [name]);
  return rows[0].n;
}

async function transactions(conn, other) {
  await conn.beginTransaction();
  await conn.execute('INSERT INTO items (qty, name) VALUES (?, ?)', [1, 'rolled back']);
  check('own uncommitted row', await countNamed(conn, 'rolled back'), 1);
  check('uncommitted row invisible to others', await countNamed(other, 'rolled back'), 0);
  await conn.rollback();
  check('rolled back row gone', await countNamed(conn, 'rolled back'), 0);

  await conn.beginTransaction();
  await conn.query('INSERT INTO items (qty, name) VALUES (?, ?)', [2, 'committed']);
  await conn.commit();
  check('committed row seen by another connection', await countNamed(other, 'committed'), 1);
}

async function errors(conn) {
  await expectError('duplicate key (execute)',
      () => conn.execute('INSERT INTO items (qty, name) VALUES (?, ?)', [1, 'beta']),
      1062, 'ER_DUP_ENTRY', '23000');
  await expectError('duplicate key (query)',
      () => conn.query('INSERT INTO items (qty, name) VALUES (?, ?)', [1, 'beta']),
      1062, 'ER_DUP_ENTRY', '23000');
  await expectError('syntax error', () => conn.query('SELEC 1'),
      1064, 'ER_PARSE_ERROR', '42000');
  await expectError('unknown table (prepare)', () => conn.execute('SELECT * FROM nowhere'),
      1146, 'ER_NO_SUCH_TABLE', '42S02');
  const [rows] = await conn.execute('SELECT COUNT(*) AS n FROM items');
  check('connection usable after errors', rows, [{n: 26}]);
}

async function main() {
  const [port, database] = process.argv.slice(2);
  if (!port || !database) {
    console.error('usage: node mysql2_check.js PORT DATABASE');
    process.exit(2);
  }
  // dateStrings: DATE/DATETIME compared as text, independent of the machine's time zone.
  const options = {host: '127.0.0.1', port: Number(port), user: 'root', password: '',
    database, dateStrings: true, supportBigNumbers: true, timezone: 'Z'};
  const conn = await mysql.createConnection(options);
  const other = await mysql.createConnection(options);
  try {
    await createTable(conn);
    await textProtocol(conn);
    await binaryProtocol(conn);
    await variables(conn);
    await foundRows(conn);
    await upserts(conn);
    await transactions(conn, other);
    await errors(conn);
    await conn.ping();
  } finally {
    await conn.end();
    await other.end();
  }
  console.log(`ok  mysql2 query() and execute(): ${checks} checks`);
}

main().catch((e) => {
  console.error(`FAIL: ${e.message}`);
  process.exit(1);
});
