package io.knobwright.app.ui.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Answers the Templates screen's questions the way a test scripts them, and remembers what was asked. */
public final class ScriptedTemplateDialogs implements TemplateDialogs {

    public String name;
    public ImportRequest importRequest;
    public ExportRequest exportRequest;
    /** What the plan dialog answers, given what it offers; cancelled unless a test says otherwise. */
    public Function<PlanTargetsViewModel, Optional<PlanRequest>> planAnswer = choices -> Optional.empty();
    public PlanTargetsViewModel offered;
    public boolean confirmAnswer = true;
    public final List<String> asked = new ArrayList<>();

    @Override
    public Optional<String> askName(String title, String explanation, String suggested) {
        asked.add(title);
        return Optional.ofNullable(name);
    }

    @Override
    public Optional<ImportRequest> chooseImport() {
        return Optional.ofNullable(importRequest);
    }

    @Override
    public Optional<ExportRequest> chooseExport(String template, io.knobwright.model.engine.Engine engine, String instanceName) {
        asked.add("export " + template + (instanceName == null ? "" : " for " + instanceName));
        return Optional.ofNullable(exportRequest);
    }

    @Override
    public Optional<PlanRequest> choosePlanTargets(PlanTargetsViewModel choices) {
        offered = choices;
        return planAnswer.apply(choices);
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        asked.add(message);
        return confirmAnswer;
    }
}
