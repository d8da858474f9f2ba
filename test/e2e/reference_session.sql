-- reference_session.sql — a typical first session with a SQL server, run by
-- reference_session_test.sh through `mysql -vv --table --force`. The expected output
-- (expected/reference_session.out) was produced by MariaDB 10.11 running this same
-- file (tools/test/regen_expected.sh), so minisql must answer like MariaDB does.
SELECT * FROM items;
CREATE DATABASE shop;
USE shop;
CREATE TABLE items (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40) NOT NULL, price DOUBLE, qty INT DEFAULT 0, note TEXT);
SHOW TABLES;
DESCRIBE items;
INSERT INTO items (name, price, qty, note) VALUES ('apple', 1.5, 10, NULL), ('it''s', 2.25, NULL, 'back\\slash'), ('pear', NULL, 3, 'say "hi"');
INSERT INTO items (name, price) VALUES ('plum', 0.75);
SELECT * FROM items;
SELECT id, name AS n, price*2 FROM items WHERE qty > 2 OR qty IS NULL ORDER BY id DESC LIMIT 2;
SELECT name FROM items WHERE name LIKE 'p%' ORDER BY name;
SELECT id FROM items WHERE id IN (1, 3, 5) ORDER BY id;
SELECT id FROM items WHERE NOT (qty > 2) ORDER BY id;
SELECT id, price FROM items ORDER BY price;
SELECT id, price FROM items ORDER BY price DESC;
SELECT id FROM items ORDER BY id LIMIT 1, 2;
SELECT id FROM items ORDER BY id LIMIT 2 OFFSET 3;
UPDATE items SET qty = qty + 1;
UPDATE items SET qty = 5 WHERE id = 1;
UPDATE items SET qty = 5 WHERE id = 1;
DELETE FROM items WHERE id = 3;
SELECT * FROM items;
SELECT qty, COUNT(*), SUM(price), AVG(qty), MIN(name), MAX(price) FROM items GROUP BY qty ORDER BY qty;
SELECT COUNT(*), SUM(price) FROM items WHERE id > 100;
SELECT 1+1, 'a', NULL, 3/2, 1.5e0, 10 DIV 3;
SELECT * FROM nosuch;
INSERT INTO items (id, name) VALUES (1, 'dup');
SELECT nosuchcol FROM items;
INSERT INTO items (name) VALUES (NULL);
USE nosuch;
CREATE TABLE items (x INT);
SELEC 1;
SHOW DATABASES LIKE 'shop';
DROP TABLE items;
SHOW TABLES;
DROP DATABASE shop;
