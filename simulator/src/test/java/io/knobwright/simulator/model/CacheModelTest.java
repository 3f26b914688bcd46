package io.knobwright.simulator.model;

import static io.knobwright.simulator.model.Workloads.GB;
import static io.knobwright.simulator.model.Workloads.MB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CacheModelTest {

    private static final Popularity EIGHT_GB = Popularity.zipf(8 * GB / CacheModel.PAGE_BYTES, 0.9);

    @Test
    void hitRatioRisesWithSharedBuffers() {
        double before = -1;
        for (double sb : new double[]{16 * MB, 128 * MB, 512 * MB, 2 * GB, 6 * GB}) {
            double hit = CacheModel.solve(EIGHT_GB, sb, 2 * GB).hitRatio();
            assertThat(hit).isGreaterThan(before);
            before = hit;
        }
    }

    @Test
    void everyReadHitsWhenTheDataFitsInSharedBuffers() {
        CacheModel.Result r = CacheModel.solve(Popularity.zipf(100 * MB / CacheModel.PAGE_BYTES, 0.5), 128 * MB, GB);
        assertThat(r.hitRatio()).isEqualTo(1.0);
        assertThat(r.deviceShare()).isZero();
    }

    @Test
    void uniformAccessHitsInProportionToTheCache() {
        // with no skew every page is equally likely to be resident: hit ratio = cache / data
        CacheModel.Result r = CacheModel.solve(Popularity.zipf(GB / CacheModel.PAGE_BYTES, 0), 256 * MB, 0);
        assertThat(r.hitRatio()).isCloseTo(0.25, within(1e-6));
        assertThat(r.osHitRatio()).isZero();
    }

    @Test
    void pageCacheServesEveryMissWhenTheDataFitsInRam() {
        CacheModel.Result r = CacheModel.solve(Popularity.zipf(GB / CacheModel.PAGE_BYTES, 0.9), 128 * MB, 2 * GB);
        assertThat(r.hitRatio()).isLessThan(1);
        assertThat(r.osHitRatio()).isEqualTo(1.0);
    }

    @Test
    void sharedBuffersTakenFromAFixedRamLeaveThePageCacheLessUseful() {
        // double buffering: what shared_buffers holds the page cache holds again, so the union covers less
        double ram = 4 * GB;
        CacheModel.Result small = CacheModel.solve(EIGHT_GB, 512 * MB, ram - 512 * MB);
        CacheModel.Result large = CacheModel.solve(EIGHT_GB, 3 * GB, ram - 3 * GB);
        assertThat(large.hitRatio()).isGreaterThan(small.hitRatio());
        assertThat(large.osHitRatio()).isLessThan(small.osHitRatio());
    }

    @Test
    void bucketedPopularityAgreesWithAPageByPageSum() {
        double pages = 20_000;
        double alpha = 0.9;
        double capacity = 2_000;
        Popularity bucketed = Popularity.zipf(pages, alpha);
        assertThat(bucketed.buckets()).isLessThanOrEqualTo(Popularity.MAX_BUCKETS);

        double[] count = new double[(int) pages];
        double[] p = new double[(int) pages];
        double sum = 0;
        for (int i = 0; i < pages; i++) {
            count[i] = 1;
            p[i] = Math.pow(i + 1, -alpha);
            sum += p[i];
        }
        double exactHit = 0;
        for (int i = 0; i < pages; i++) {
            p[i] /= sum;
        }
        double t = Che.characteristicTime(count, p, capacity);
        for (int i = 0; i < pages; i++) {
            exactHit += p[i] * Che.hit(p[i], t);
        }
        double hit = CacheModel.solve(bucketed, capacity * CacheModel.PAGE_BYTES, 0).hitRatio();
        assertThat(hit).isCloseTo(exactHit, within(0.005));
    }

    @Test
    void popularityOfATerabyteKeepsItsMassAndPages() {
        Popularity tb = Popularity.zipf(1024 * GB / CacheModel.PAGE_BYTES, 1.1);
        double mass = 0;
        double pages = 0;
        for (int b = 0; b < tb.buckets(); b++) {
            mass += tb.count[b] * tb.p[b];
            pages += tb.count[b];
        }
        assertThat(tb.buckets()).isLessThanOrEqualTo(Popularity.MAX_BUCKETS);
        assertThat(mass).isCloseTo(1, within(1e-9));
        assertThat(pages).isEqualTo(tb.pages);
    }
}
