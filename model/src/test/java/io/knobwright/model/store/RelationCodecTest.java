package io.knobwright.model.store;

import io.knobwright.model.workload.DatabaseSize;
import io.knobwright.model.workload.IndexRef;
import io.knobwright.model.workload.IndexStats;
import io.knobwright.model.workload.OtherRelations;
import io.knobwright.model.workload.RelationSnapshot;
import io.knobwright.model.workload.ServerEpoch;
import io.knobwright.model.workload.TableRef;
import io.knobwright.model.workload.TableStats;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RelationCodecTest {

    private static final Instant AT = Instant.parse("2026-12-06T12:00:00Z");

    /** 500 tables and 500 indexes with counters of realistic spread, as a busy server's snapshot holds them. */
    private static RelationSnapshot busy() {
        Random random = new Random(42);
        List<TableStats> tables = new ArrayList<>();
        List<IndexStats> indexes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            TableRef ref = new TableRef("app", "public", "table_" + i);
            long size = (long) (Math.exp(random.nextDouble() * 20) + 8192);
            tables.add(new TableStats(ref, size, size * 7 / 10, size * 3 / 10, random.nextInt(1_000_000), random.nextLong(1L << 40),
                    random.nextLong(1L << 32), random.nextLong(1L << 30), random.nextLong(1L << 28), random.nextLong(1L << 20),
                    random.nextLong(1L << 27), random.nextLong(1L << 30), random.nextInt(1_000_000), random.nextLong(1L << 40),
                    random.nextLong(1L << 32), null, AT.minusSeconds(random.nextInt(86_400)), null, AT.minusSeconds(random.nextInt(86_400))));
            indexes.add(new IndexStats(new IndexRef(ref, "table_" + i + "_pkey"), size / 5, random.nextLong(1L << 32),
                    random.nextLong(1L << 36), true));
        }
        return new RelationSnapshot(AT, new ServerEpoch(AT.minusSeconds(1_000_000), null), "app",
                List.of(new DatabaseSize("app", 1L << 40), new DatabaseSize("postgres", 8_000_000)), tables, indexes,
                new OtherRelations(49_500, 123_456_789, 60_000, 98_765_432));
    }

    @Test
    void aSnapshotOfFiveHundredTablesAndIndexesPacksSmallAndReadsBackTheSame() {
        RelationSnapshot snapshot = busy();
        Map<Object, Long> ids = new HashMap<>();
        RelationCodec.Ids lookup = new RelationCodec.Ids() {
            @Override
            public long database(String name) {
                return ids.computeIfAbsent(name, k -> (long) ids.size() + 1);
            }

            @Override
            public long table(TableRef ref) {
                return ids.computeIfAbsent(ref, k -> (long) ids.size() + 1);
            }

            @Override
            public long index(IndexRef ref) {
                return ids.computeIfAbsent(ref, k -> (long) ids.size() + 1);
            }
        };

        byte[] packed = RelationCodec.pack(snapshot, lookup);

        Map<Long, String> databases = new HashMap<>();
        Map<Long, TableRef> tables = new HashMap<>();
        Map<Long, IndexRef> indexes = new HashMap<>();
        ids.forEach((name, id) -> {
            switch (name) {
                case String d -> databases.put(id, d);
                case TableRef t -> tables.put(id, t);
                case IndexRef i -> indexes.put(id, i);
                default -> throw new AssertionError(name);
            }
        });
        RelationSnapshot back = RelationCodec.unpack(AT, snapshot.epoch(), "app", packed, new RelationCodec.Names(databases, tables, indexes));
        assertThat(back).isEqualTo(snapshot);
        int unpacked = 1 + 4 + 2 * 16 + 4 + 500 * (8 + 14 * 8 + 4 * 8) + 4 + 500 * 33 + 24;
        System.out.printf("relation snapshot, 500 tables + 500 indexes: %d bytes packed, %d unpacked%n", packed.length, unpacked);
        assertThat(packed.length).as("one row per snapshot stays well under the unpacked size").isLessThan(unpacked);
    }
}
