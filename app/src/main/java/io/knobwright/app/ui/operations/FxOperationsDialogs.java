package io.knobwright.app.ui.operations;

import io.knobwright.app.ui.common.Theme;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link OperationsDialogs} with real dialogs, owned by the main window and styled like it. */
public final class FxOperationsDialogs implements OperationsDialogs {

    private final Supplier<Window> owner;
    private final Theme theme;

    public FxOperationsDialogs(Supplier<Window> owner, Theme theme) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.theme = Objects.requireNonNull(theme, "theme");
    }

    @Override
    public Optional<String> reason(String title, String question, String action) {
        return own(new ReasonDialog(title, question, action, theme)).showAndWait().filter(r -> !r.isBlank());
    }

    @Override
    public void quickOverride(QuickOverrideViewModel form) {
        // Not modal-and-wait: the apply runs in the background and the dialog closes itself when it is in force.
        own(new QuickOverrideDialog(form, theme)).show();
    }

    private <D extends Dialog<?>> D own(D dialog) {
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
        }
        return dialog;
    }
}
