-- AsfPlatform.Storage, PostgreSQL migration 003: nothing to create.
-- The group-commit grain state table is for SQLite's single writer (see Sqlite/003-grain-state.sql); on PostgreSQL
-- the grains use Orleans' ADO.NET provider (001-storage.sql), whose commits PostgreSQL flushes together itself.
-- The file exists so that migration numbers mean the same on every database.
SELECT 1;
