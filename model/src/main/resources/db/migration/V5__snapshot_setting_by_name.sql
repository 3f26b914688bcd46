-- Knobwright local store, schema 5: drift and plans read only the settings a template sets from each newest
-- snapshot (snapshot_id IN (...) AND name IN (...)); this index lets H2 seek those rows instead of scanning
-- every setting of each snapshot. Measured with 'bench plans' (5,000 instances): see decision 0110.
CREATE INDEX ix_snapshot_setting_snapshot_name ON snapshot_setting (snapshot_id, name);
