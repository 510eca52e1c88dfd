-- AsfPlatform.Storage, SQLite migration 002: clustering — nothing to create.
-- Microsoft.Orleans.Clustering.AdoNet 10.4.2 has no SQLite support, so SQLite hosts use localhost (single-silo)
-- clustering. The file exists so that migration numbers mean the same on every database; see
-- PostgreSql/002-clustering.sql for the membership tables.
SELECT 1;
