package io.knobwright.app.ui.plan;

import io.knobwright.app.template.TemplateService;
import io.knobwright.app.ui.common.BackgroundWork;

import java.time.ZoneId;
import java.util.Objects;

/** The stored change plans and the one being read. (Skeleton: filled in by the plans screen work.) */
public final class PlansViewModel {

    private final TemplateService templates;
    private final BackgroundWork work;
    private final ZoneId zone;

    public PlansViewModel(TemplateService templates, BackgroundWork work, ZoneId zone) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.work = Objects.requireNonNull(work, "work");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Reads the stored plans again, off the FX thread. */
    public void refresh() {
    }
}
