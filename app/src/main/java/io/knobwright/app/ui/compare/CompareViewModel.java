package io.knobwright.app.ui.compare;

import io.knobwright.app.fleet.FleetService;
import io.knobwright.app.template.ConfigurationRef;
import io.knobwright.app.template.ConfigurationView;
import io.knobwright.app.template.TemplateService;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.app.ui.diff.DiffViewModel;
import io.knobwright.model.UserError;
import io.knobwright.model.diff.DiffRow;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.template.TemplateVersion;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Compare screen: any two configurations side by side. Each side is a reference as the CLI takes it:
 * a template ("postgresql-oltp"), one of its versions ("pg-payments@3"), or an instance ("instance:pg-cart-01").
 */
public final class CompareViewModel {

    private final TemplateService templates;
    private final FleetService fleet;
    private final BackgroundWork work;
    private final DiffViewModel diff = new DiffViewModel();
    private final StringProperty left = new SimpleStringProperty(this, "left", "");
    private final StringProperty right = new SimpleStringProperty(this, "right", "");
    private final ObservableList<String> references = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private int generation;

    public CompareViewModel(TemplateService templates, FleetService fleet, BackgroundWork work) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.work = Objects.requireNonNull(work, "work");
    }

    /** Reads the references the pickers offer: every template, then every instance. */
    public void refresh() {
        work.io("List templates and instances", this::readReferences, references::setAll, problem::set);
    }

    private List<String> readReferences() {
        List<String> all = new ArrayList<>();
        templates.list().stream().map(TemplateVersion::name).sorted().forEach(all::add);
        fleet.list().stream().map(Instance::name).sorted().forEach(n -> all.add("instance:" + n));
        return all;
    }

    /** Puts a reference on the left, e.g. from an instance's detail pane, and compares if both sides are set. */
    public void compareFrom(String reference) {
        left.set(reference);
        if (!right.get().isBlank()) {
            compare();
        }
    }

    /** Swaps the two sides and compares again. */
    public void swap() {
        String l = left.get();
        left.set(right.get());
        right.set(l);
        compare();
    }

    public void compare() {
        ConfigurationRef a;
        ConfigurationRef b;
        try {
            a = ConfigurationRef.parse(left.get());
            b = ConfigurationRef.parse(right.get());
        } catch (UserError e) {
            problem.set(e.getMessage());
            return;
        }
        int ticket = ++generation;
        busy.set(true);
        problem.set("");
        work.io("Compare", () -> {
            ConfigurationView[] views = templates.views(a, b);
            return new Result(views[0].title(), views[1].title(), templates.compare(views[0], views[1]));
        }, result -> {
            if (ticket == generation) {
                busy.set(false);
                diff.leftTitleProperty().set(result.leftTitle());
                diff.rightTitleProperty().set(result.rightTitle());
                diff.setRows(result.rows());
            }
        }, message -> {
            if (ticket == generation) {
                busy.set(false);
                problem.set(message);
                diff.setRows(List.of());
            }
        });
    }

    private record Result(String leftTitle, String rightTitle, List<DiffRow> rows) {
    }

    public DiffViewModel diff() {
        return diff;
    }

    public StringProperty leftProperty() {
        return left;
    }

    public StringProperty rightProperty() {
        return right;
    }

    public ObservableList<String> references() {
        return references;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
