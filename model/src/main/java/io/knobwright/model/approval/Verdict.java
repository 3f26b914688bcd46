package io.knobwright.model.approval;

/** What a reviewer decides on the pending level of a plan. */
public enum Verdict {
    APPROVE, REJECT
}
