package io.knobwright.model.apply;

/** Turns one validated change into one engine's statements. */
interface StatementWriter {

    ApplyStep write(Change change);
}
