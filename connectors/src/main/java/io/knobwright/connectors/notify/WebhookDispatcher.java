package io.knobwright.connectors.notify;

import io.knobwright.model.notify.Backoff;
import io.knobwright.model.notify.WebhookDelivery;
import io.knobwright.model.notify.WebhookOutbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Sends what the outbox has due and records how each attempt went. Each call takes at most one batch
 * ({@link #BATCH}), a few at a time on virtual threads, and returns when all of them are recorded, so a loop
 * calls it every few seconds. Deliveries are claimed first ({@link WebhookOutbox#claim}): two dispatchers, in
 * this process or another on the same store, never send the same one, and one killed mid-send leaves its
 * deliveries to be sent again when the lease ends.
 */
public final class WebhookDispatcher {

    /** Deliveries taken per call. */
    public static final int BATCH = 16;
    /** Requests in flight at once: webhooks go to few receivers, which need not see a burst. */
    public static final int PARALLEL = 4;
    /**
     * How long a claimed delivery is held back from other dispatchers: longer than a batch can take
     * (BATCH / PARALLEL rounds of connect and request timeouts, 4 x 15 s), so none is sent twice by a slow
     * batch; short enough that a workbench killed mid-send has it sent soon after it is started again.
     */
    public static final Duration LEASE = Duration.ofMinutes(2);

    /** How one call went: delivered, failed and to be retried, failed and given up. */
    public record Summary(int sent, int failed, int gaveUp) {
        public static final Summary NOTHING = new Summary(0, 0, 0);

        public int attempted() {
            return sent + failed + gaveUp;
        }
    }

    private final WebhookOutbox outbox;
    private final WebhookSender sender;
    private final Backoff backoff;
    private final int batch;
    private final int parallel;
    private final Duration lease;

    public WebhookDispatcher(WebhookOutbox outbox, WebhookSender sender, Backoff backoff) {
        this(outbox, sender, backoff, BATCH, PARALLEL, LEASE);
    }

    public WebhookDispatcher(WebhookOutbox outbox, WebhookSender sender, Backoff backoff, int batch, int parallel,
                             Duration lease) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        if (batch < 1 || parallel < 1 || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("A dispatcher sends at least one at a time under a lease: batch " + batch
                    + ", parallel " + parallel + ", lease " + lease);
        }
        this.batch = batch;
        this.parallel = parallel;
        this.lease = lease;
    }

    /**
     * Sends the deliveries due at {@code now} (one batch) and records each outcome; a failure is tried again
     * after the {@link Backoff}'s wait, or given up after its last attempt. A failure to record (the store went
     * away) is thrown once every send of the batch has finished; those deliveries are sent again after the lease.
     */
    public Summary deliverDue(Instant now) {
        List<WebhookDelivery> claimed = outbox.claim(now, batch, lease);
        if (claimed.isEmpty()) {
            return Summary.NOTHING;
        }
        Semaphore slots = new Semaphore(parallel);
        List<Future<Outcome>> running = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (WebhookDelivery d : claimed) {
                running.add(threads.submit(() -> {
                    slots.acquire();
                    try {
                        return deliver(d, now);
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        int sent = 0;
        int failed = 0;
        int gaveUp = 0;
        RuntimeException notRecorded = null;
        for (Future<Outcome> f : running) {
            try {
                switch (f.get()) {
                    case SENT -> sent++;
                    case FAILED -> failed++;
                    case GAVE_UP -> gaveUp++;
                }
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                if (notRecorded == null) {
                    notRecorded = cause;
                } else {
                    notRecorded.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while webhook results were recorded", e);
            }
        }
        if (notRecorded != null) {
            throw notRecorded;
        }
        return new Summary(sent, failed, gaveUp);
    }

    private enum Outcome { SENT, FAILED, GAVE_UP }

    private Outcome deliver(WebhookDelivery d, Instant now) {
        SendOutcome outcome = sender.send(d);
        if (outcome.delivered()) {
            outbox.markDelivered(d.id(), now, outcome.status());
            return Outcome.SENT;
        }
        int failures = d.attempts() + 1;
        Optional<Instant> next = outcome.result() == SendOutcome.Result.GIVE_UP || failures >= d.giveUpAfter()
                ? Optional.empty() : backoff.nextAttempt(now, failures);
        outbox.markFailed(d.id(), now, outcome.status(), outcome.message(), next.orElse(null));
        return next.isPresent() ? Outcome.FAILED : Outcome.GAVE_UP;
    }
}
