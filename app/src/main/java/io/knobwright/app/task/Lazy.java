package io.knobwright.app.task;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Made on first use, once, by whichever thread asks first; {@link #ifMade} lets the owner close it. */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> make;
    private volatile T value;

    public Lazy(Supplier<T> make) {
        this.make = Objects.requireNonNull(make, "make");
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = Objects.requireNonNull(make.get(), "made");
                    value = v;
                }
            }
        }
        return v;
    }

    public void ifMade(Consumer<T> action) {
        T v = value;
        if (v != null) {
            action.accept(v);
        }
    }
}
