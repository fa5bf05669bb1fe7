-- dtks upgrade script 1.0 -> 1.1, assembled by `make upgrade-script` from
-- sql/upgrade/1.0--1.1/*.sql in name order (edit those, not this file).  Each fragment carries one
-- change of 1.1 to a database created at 1.0; the same change is in
-- sql/install/ for a fresh install, and the upgrade test compares the two.
\echo Use "ALTER EXTENSION dtks UPDATE TO '1.1'" to load this file. \quit
