package io.knobwright.app.ui.template;

import io.knobwright.app.fleet.FleetService;
import io.knobwright.app.template.TemplateService;
import io.knobwright.app.ui.common.BackgroundWork;

import java.util.Objects;

/** The Templates screen's state. (Skeleton.) */
public final class TemplatesViewModel {

    private final TemplateService templates;
    private final FleetService fleet;
    private final BackgroundWork work;

    public TemplatesViewModel(TemplateService templates, FleetService fleet, BackgroundWork work) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.work = Objects.requireNonNull(work, "work");
    }

    public void refresh() {
    }
}
