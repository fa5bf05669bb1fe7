-- dtks install script, assembled by the Makefile from sql/install/*.sql in name order.
\echo Use "CREATE EXTENSION dtks CASCADE" to load this file. \quit

COMMENT ON SCHEMA dtks IS 'DTKS/DTSEN social welfare registry: identifier types, region reference, registry and rules';
