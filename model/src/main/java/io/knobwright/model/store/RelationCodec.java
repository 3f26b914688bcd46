package io.knobwright.model.store;

import io.knobwright.model.workload.DatabaseSize;
import io.knobwright.model.workload.IndexRef;
import io.knobwright.model.workload.IndexStats;
import io.knobwright.model.workload.OtherRelations;
import io.knobwright.model.workload.RelationSnapshot;
import io.knobwright.model.workload.ServerEpoch;
import io.knobwright.model.workload.TableRef;
import io.knobwright.model.workload.TableStats;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The packed column of a relation snapshot (decision 0128): format byte, then databases (name id, bytes), tables (name
 * id, 14 sizes and counters, 4 times as epoch ms or {@link Long#MIN_VALUE} for none), indexes (name id, bytes, scans,
 * rows read, unique flag) and the left-out rest; deflated, as counters of similar tables compress well.
 */
final class RelationCodec {

    private static final byte FORMAT = 1;
    private static final long NO_TIME = Long.MIN_VALUE;

    private RelationCodec() {
    }

    /** Ids of the names a snapshot refers to. */
    interface Ids {
        long database(String name);

        long table(TableRef ref);

        long index(IndexRef ref);
    }

    static byte[] pack(RelationSnapshot s, Ids ids) {
        int size = 1 + 4 + s.databases().size() * 16 + 4 + s.tables().size() * (8 + 14 * 8 + 4 * 8) + 4
                + s.indexes().size() * (8 + 3 * 8 + 1) + 4 + 8 + 4 + 8;
        ByteBuffer out = ByteBuffer.allocate(size).put(FORMAT);
        out.putInt(s.databases().size());
        for (DatabaseSize d : s.databases()) {
            out.putLong(ids.database(d.database())).putLong(d.bytes());
        }
        out.putInt(s.tables().size());
        for (TableStats t : s.tables()) {
            out.putLong(ids.table(t.ref()));
            for (long v : new long[] {t.totalBytes(), t.tableBytes(), t.indexBytes(), t.seqScans(), t.seqRowsRead(),
                    t.indexScans(), t.inserts(), t.updates(), t.deletes(), t.hotUpdates(), t.liveTuples(), t.deadTuples(),
                    t.blocksHit(), t.blocksRead()}) {
                out.putLong(v);
            }
            for (Instant at : new Instant[] {t.lastVacuum(), t.lastAutovacuum(), t.lastAnalyze(), t.lastAutoanalyze()}) {
                out.putLong(at == null ? NO_TIME : at.toEpochMilli());
            }
        }
        out.putInt(s.indexes().size());
        for (IndexStats i : s.indexes()) {
            out.putLong(ids.index(i.ref())).putLong(i.bytes()).putLong(i.scans()).putLong(i.rowsRead()).put((byte) (i.unique() ? 1 : 0));
        }
        OtherRelations o = s.others();
        out.putInt(o.tables()).putLong(o.tableBytes()).putInt(o.indexes()).putLong(o.indexBytes());
        return deflate(out.array());
    }

    /** Names by id, as stored for the instance. */
    record Names(Map<Long, String> databases, Map<Long, TableRef> tables, Map<Long, IndexRef> indexes) {
    }

    static RelationSnapshot unpack(Instant at, ServerEpoch epoch, String statsDatabase, byte[] packed, Names names) {
        ByteBuffer in = ByteBuffer.wrap(inflate(packed));
        byte format = in.get();
        if (format != FORMAT) {
            throw new StoreException("A relation snapshot of " + at + " is in format " + format + ", written by a newer"
                    + " Knobwright; use that version to read it.", null);
        }
        int n = in.getInt();
        List<DatabaseSize> databases = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            String name = names.databases().get(in.getLong());
            long bytes = in.getLong();
            if (name != null) {
                databases.add(new DatabaseSize(name, bytes));
            }
        }
        n = in.getInt();
        List<TableStats> tables = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            TableRef ref = names.tables().get(in.getLong());
            long[] v = new long[14];
            for (int j = 0; j < v.length; j++) {
                v[j] = in.getLong();
            }
            Instant[] t = new Instant[4];
            for (int j = 0; j < t.length; j++) {
                long ms = in.getLong();
                t[j] = ms == NO_TIME ? null : Instant.ofEpochMilli(ms);
            }
            if (ref != null) {
                tables.add(new TableStats(ref, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12],
                        v[13], t[0], t[1], t[2], t[3]));
            }
        }
        n = in.getInt();
        List<IndexStats> indexes = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            IndexRef ref = names.indexes().get(in.getLong());
            long bytes = in.getLong();
            long scans = in.getLong();
            long read = in.getLong();
            boolean unique = in.get() == 1;
            if (ref != null) {
                indexes.add(new IndexStats(ref, bytes, scans, read, unique));
            }
        }
        OtherRelations others = new OtherRelations(in.getInt(), in.getLong(), in.getInt(), in.getLong());
        return new RelationSnapshot(at, epoch, statsDatabase, databases, tables, indexes, others);
    }

    /** Only the sizes of one kind, by name id: what the size series read without building whole snapshots. */
    static void sizes(byte[] packed, SizeVisitor each) {
        ByteBuffer in = ByteBuffer.wrap(inflate(packed));
        in.get();
        int n = in.getInt();
        for (int k = 0; k < n; k++) {
            each.database(in.getLong(), in.getLong());
        }
        n = in.getInt();
        for (int k = 0; k < n; k++) {
            long id = in.getLong();
            each.table(id, in.getLong());
            in.position(in.position() + 13 * 8 + 4 * 8);
        }
        n = in.getInt();
        for (int k = 0; k < n; k++) {
            long id = in.getLong();
            each.index(id, in.getLong());
            in.position(in.position() + 2 * 8 + 1);
        }
    }

    interface SizeVisitor {
        default void database(long id, long bytes) {
        }

        default void table(long id, long bytes) {
        }

        default void index(long id, long bytes) {
        }
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 4));
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] packed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(packed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new StoreException("A stored relation snapshot is cut short; the store file may be damaged.", null);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException damaged) {
            throw new StoreException("A stored relation snapshot cannot be read (" + damaged.getMessage() + "); the store"
                    + " file may be damaged.", damaged);
        } finally {
            inflater.end();
        }
    }
}
