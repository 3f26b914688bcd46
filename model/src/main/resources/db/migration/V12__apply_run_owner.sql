-- Knobwright local store, schema 12: which process is working on an apply run. A run still APPLYING whose owner is
-- a live process is being applied (or put back) right now and is left alone by the recovery of other processes;
-- NULL, or a process that is gone, means nobody is: the next start finishes it. Recovery takes a run over with a
-- compare-and-set on this column, so two processes starting together never put the same run back twice (0119).

ALTER TABLE apply_run ADD COLUMN owner VARCHAR(100);
