package io.knobwright.app.plan;

import io.knobwright.model.UserError;
import io.knobwright.model.template.TemplateException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlicedWorkTest {

    private static final List<Long> IDS = IntStream.rangeClosed(1, 2501).mapToObj(i -> (long) i).toList();

    @Test
    void slicesCoverEveryIdOnceAndStayWithinTheLimit() {
        List<List<Long>> slices = SlicedWork.slices(IDS, 2, 1000);
        assertEquals(3, slices.size(), "2,501 ids in slices of at most 1,000");
        assertTrue(slices.stream().allMatch(s -> s.size() <= 1000));
        assertEquals(IDS, slices.stream().flatMap(List::stream).toList());
        assertEquals(2, SlicedWork.slices(IDS.subList(0, 10), 2, 1000).size(), "a small batch still uses both threads");
        assertEquals(List.of(), SlicedWork.slices(List.of(), 2, 1000));
    }

    @Test
    void mergesWhatEverySliceReturnsComputedOnSeveralThreads() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Map<Long, Long> squares = SlicedWork.mergeAll(SlicedWork.slices(IDS, 4, 100), slice -> {
            threads.add(Thread.currentThread().getName());
            return slice.stream().collect(Collectors.toMap(Function.identity(), id -> id * id));
        });
        assertEquals(IDS.size(), squares.size());
        assertEquals(2501L * 2501L, squares.get(2501L));
        assertTrue(threads.stream().allMatch(t -> t.equals("knobwright-drift")), threads.toString());
    }

    @Test
    void oneSliceRunsOnTheCallersThread() {
        String caller = Thread.currentThread().getName();
        Map<String, String> ran = SlicedWork.mergeAll(List.of(List.of(1L)), slice -> Map.of("thread", Thread.currentThread().getName()));
        assertEquals(caller, ran.get("thread"));
    }

    @Test
    void aFailureInOneSliceIsThrownAsItWasRaised() {
        TemplateException refused = new TemplateException("template does not resolve");
        UserError thrown = assertThrows(UserError.class, () -> SlicedWork.mergeAll(SlicedWork.slices(IDS, 2, 1000),
                slice -> {
                    if (slice.contains(2501L)) {
                        throw refused;
                    }
                    return Map.of();
                }));
        assertSame(refused, thrown, "a user error keeps its type and message for the exit code");
    }
}
