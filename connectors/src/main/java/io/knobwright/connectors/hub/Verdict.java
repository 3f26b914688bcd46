package io.knobwright.connectors.hub;

/** What a reviewer decides about the pending level of a plan. One REJECT at any level rejects the plan. */
public enum Verdict {
    APPROVE, REJECT
}
