package io.knobwright.app.template;

import io.knobwright.model.config.SkippedSetting;
import io.knobwright.model.template.TemplateVersion;

import java.util.List;
import java.util.Objects;

/**
 * What an import stored and what it left out on purpose.
 *
 * @param checkedAgainst the catalog the file's values were checked against; null for YAML and JSON templates,
 *                       which are checked by validation against every version they target
 * @param skipped        settings read but not taken over, each with its reason, in file order
 */
public record ImportReport(TemplateVersion saved, CheckedAgainst checkedAgainst, List<SkippedSetting> skipped) {

    public ImportReport {
        Objects.requireNonNull(saved, "saved");
        skipped = List.copyOf(skipped);
    }
}
