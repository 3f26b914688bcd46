package io.knobwright.model.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Whether the process opening the store compacts the file when it closes it. H2 compacts for up to 200 ms on every
 * close by default: a fifth of a CLI command's second (decision 0118), spent again and again on a file that grew by a
 * few kilobytes. So the file is compacted on close only once it has grown noticeably since the last time it was
 * noted: by a quarter of that size, and at least {@link #SLACK_BYTES}. The size is noted in a file beside the store
 * after a new store's first close and after a close that compacted. An existing store without a readable note (an
 * older build's) is compacted, which writes the note.
 * <p>
 * The decision is made when the file is opened, because H2 takes it from the URL of whoever opens the file; a process
 * that joins a store another one serves does not close the file, and its decision changes nothing.
 * <p>
 * What H2 does on a compacting close, seen with 2.4.240: a file with much free space needs two such closes to shrink
 * (the first moves chunks towards the start and the file grows, the second cuts the end off), so a note is written
 * only when the file did not grow past its size at the open; otherwise the next opener compacts again. A first
 * compacting close in a cold JVM now and then leaves the header without its clean mark (the budget ran out in the
 * middle); the file is sound, the next open inspects it, and no note is written until a close is clean. A new store
 * is therefore not compacted at its first close: that close is also every new user's first command.
 *
 * @param compact    whether this process lets H2 compact the file when it closes it
 * @param sizeAtOpen the file's size when this process opened it; 0 for a new store
 */
record CloseCompaction(boolean compact, long sizeAtOpen) {

    static final String FILE_NAME = StoreOpening.DATABASE_NAME + ".compacted";
    /** Below this much growth a compaction is not worth its time: about a hundred store commands' writes. */
    static final long SLACK_BYTES = 1L << 20;

    /** The decision for the store in {@code dir}, made before opening it. */
    static CloseCompaction decide(Path dir) {
        long size = fileSize(dir);
        if (size == 0) {
            return new CloseCompaction(false, 0);
        }
        long noted = notedSize(dir);
        return new CloseCompaction(noted < 0 || size > noted + Math.max(SLACK_BYTES, noted / 4), size);
    }

    /**
     * After this process closed the store: notes the file's size when the file is closed cleanly (another process
     * still holding it open closes it later, with its own decision) and either the store was new or this close
     * compacted it without the file growing.
     */
    void afterClose(Path dir) {
        boolean newStore = sizeAtOpen == 0;
        if (!newStore && !compact) {
            return;
        }
        Path database = StoreOpening.databaseFile(dir);
        if (StoreIdentity.cleanStamp(database).isEmpty()) {
            return;
        }
        long size = fileSize(dir);
        if (size == 0 || (!newStore && size > sizeAtOpen)) {
            return;
        }
        try {
            Path written = Files.createTempFile(dir, FILE_NAME, ".tmp");
            Files.writeString(written, Long.toString(size), StandardCharsets.US_ASCII);
            Files.move(written, dir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // no note: the next opener compacts on close and writes it
        }
    }

    private static long fileSize(Path dir) {
        try {
            return Files.size(StoreOpening.databaseFile(dir));
        } catch (IOException noFileYet) {
            return 0;
        }
    }

    /** The size noted last, or -1 when there is no readable note. */
    private static long notedSize(Path dir) {
        try {
            return Long.parseLong(Files.readString(dir.resolve(FILE_NAME), StandardCharsets.US_ASCII).strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
