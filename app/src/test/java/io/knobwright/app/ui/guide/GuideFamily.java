package io.knobwright.app.ui.guide;

/**
 * A state family: one store and one workbench, opened once, from which every shot of the family is taken in turn
 * (opening a workbench per image would make the generator slow).
 */
public enum GuideFamily {
    /** bob, a reviewer, on the governed demo fleet with health, overrides, workload series and a custom template. */
    REVIEWER("bob"),
    /** carol, the admin, on the same kind of store: the Policy screen is editable for her. */
    ADMIN("carol");

    private final String user;

    GuideFamily(String user) {
        this.user = user;
    }

    public String user() {
        return user;
    }
}
