-- Knobwright local store, schema 4: where each hardware fact of an instance comes from, and what the server
-- reported about its hardware when a snapshot was taken (decision 0100). Never edit this file; add V5__...

-- UNKNOWN (value 0 / UNKNOWN), PROBED (read from the server; a refresh updates it) or ENTERED (given by a user or
-- an inventory file; a refresh never overwrites it).
ALTER TABLE instance ADD COLUMN cpus_source VARCHAR(10) DEFAULT 'UNKNOWN' NOT NULL;
ALTER TABLE instance ADD COLUMN memory_source VARCHAR(10) DEFAULT 'UNKNOWN' NOT NULL;
ALTER TABLE instance ADD COLUMN disk_type_source VARCHAR(10) DEFAULT 'UNKNOWN' NOT NULL;
ALTER TABLE instance ADD COLUMN disk_bytes_source VARCHAR(10) DEFAULT 'UNKNOWN' NOT NULL;

-- Facts stored before sources existed: only probes of registered servers could have found CPUs (PostgreSQL,
-- MariaDB) and memory (PostgreSQL); disks are never probed. Everything else known came from a user or a file.
UPDATE instance SET
    cpus_source = CASE WHEN cpus = 0 THEN 'UNKNOWN'
                       WHEN jdbc_url IS NOT NULL AND engine IN ('postgresql', 'mariadb') THEN 'PROBED'
                       ELSE 'ENTERED' END,
    memory_source = CASE WHEN memory_bytes = 0 THEN 'UNKNOWN'
                         WHEN jdbc_url IS NOT NULL AND engine = 'postgresql' THEN 'PROBED'
                         ELSE 'ENTERED' END,
    disk_type_source = CASE WHEN disk_type = 'UNKNOWN' THEN 'UNKNOWN' ELSE 'ENTERED' END,
    disk_bytes_source = CASE WHEN disk_bytes = 0 THEN 'UNKNOWN' ELSE 'ENTERED' END;

-- What the probe found when the snapshot was taken (0 / UNKNOWN where it found nothing), so a value a user
-- entered can be shown next to what the server says.
ALTER TABLE settings_snapshot ADD COLUMN reported_cpus INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE settings_snapshot ADD COLUMN reported_memory_bytes BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE settings_snapshot ADD COLUMN reported_disk_type VARCHAR(20) DEFAULT 'UNKNOWN' NOT NULL;
ALTER TABLE settings_snapshot ADD COLUMN reported_disk_bytes BIGINT DEFAULT 0 NOT NULL;
