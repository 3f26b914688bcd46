package io.knobwright.model.apply.journal;

/**
 * Where an apply run is: under way, or ended with the new configuration on the server, with the old one put back,
 * or with a mix a person must look at (compensation itself failed: the journal says what is where).
 */
public enum RunState {
    APPLYING, APPLIED, ROLLED_BACK, NEEDS_ATTENTION;

    public boolean finished() {
        return this != APPLYING;
    }
}
