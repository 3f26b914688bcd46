package io.knobwright.app.ui.recommend;

import atlantafx.base.theme.Styles;
import io.knobwright.simulator.recommend.Evidence;
import io.knobwright.simulator.recommend.Recommendation;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * One recommendation as a card: the checkbox that accepts it, parameter and from → to, what it takes and how sure it
 * is, the reasoning, the evidence, a durability trade's data-loss window, and the predicted-impact chart.
 */
final class RecommendationCardView extends VBox {

    private Subscription subscriptions = Subscription.EMPTY;

    RecommendationCardView(RecommendationCard card) {
        Recommendation r = card.recommendation();
        String id = "rec-card-" + r.parameter();
        setId(id);
        getStyleClass().add("rec-card");
        setSpacing(6);

        CheckBox accept = new CheckBox();
        accept.setId(id + "-accept");
        accept.selectedProperty().bindBidirectional(card.acceptedProperty());
        accept.setAccessibleText("Accept " + r.parameter());
        Label parameter = new Label(r.parameter());
        parameter.getStyleClass().add("rec-parameter");
        parameter.setMinWidth(Region.USE_PREF_SIZE);
        Label fromTo = new Label(RecommendationFormats.fromTo(r));
        fromTo.setId(id + "-from-to");
        fromTo.getStyleClass().add("rec-from-to");
        fromTo.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label gain = new Label(RecommendationFormats.gain(r.effect().gain()));
        gain.setId(id + "-gain");
        gain.getStyleClass().add("rec-gain");
        gain.setMinWidth(Region.USE_PREF_SIZE);
        HBox title = new HBox(8, accept, parameter, fromTo, grow, gain);
        title.setAlignment(Pos.CENTER_LEFT);

        HBox badges = new HBox(6, badge(RecommendationFormats.direction(r), "rec-badge-" + r.direction().name()
                        .toLowerCase(java.util.Locale.ROOT)),
                badge(RecommendationFormats.applyMode(r), r.restartRequired() ? "rec-badge-restart" : "rec-badge-online"),
                badge(RecommendationFormats.confidence(r), "rec-badge-confidence-" + r.confidence().name()
                        .toLowerCase(java.util.Locale.ROOT)),
                badge(RecommendationFormats.reason(r.reason()), "rec-badge-reason"));
        badges.setAlignment(Pos.CENTER_LEFT);

        Label reasoning = wrapped(new Label(r.reasoning()));
        reasoning.setId(id + "-reasoning");
        reasoning.getStyleClass().add("rec-reasoning");
        getChildren().addAll(title, badges, reasoning);

        if (!r.dataLossWindow().isBlank()) {
            Label loss = wrapped(new Label("Data-loss window: " + r.dataLossWindow()));
            loss.setId(id + "-data-loss");
            loss.getStyleClass().add("rec-data-loss");
            getChildren().add(loss);
        }
        if (!r.evidence().isEmpty()) {
            VBox evidence = new VBox(2);
            evidence.getStyleClass().add("rec-evidence");
            Label heading = new Label("Evidence");
            heading.getStyleClass().add("rec-subheading");
            evidence.getChildren().add(heading);
            for (Evidence e : r.evidence()) {
                Label line = wrapped(new Label(kind(e) + e.name() + ": " + e.value()
                        + (e.detail().isBlank() ? "" : " — " + e.detail())));
                line.getStyleClass().add("rec-evidence-line");
                evidence.getChildren().add(line);
            }
            getChildren().add(evidence);
        }
        if (!r.effect().metrics().isEmpty()) {
            Label heading = new Label("Predicted impact of this change");
            heading.getStyleClass().add("rec-subheading");
            getChildren().addAll(heading, new ImpactChart(r.effect().metrics(), id + "-impact"));
        }
        Label basis = wrapped(new Label(r.effect().basis()));
        basis.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        getChildren().add(basis);

        Label note = wrapped(new Label());
        note.setId(id + "-note");
        note.getStyleClass().add("rec-partner-note");
        note.textProperty().bind(card.noteProperty());
        note.visibleProperty().bind(card.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        getChildren().add(note);
        subscriptions = subscriptions.and(card.acceptedProperty().subscribe(on ->
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("accepted"), on)));
    }

    private static String kind(Evidence e) {
        return switch (e.kind()) {
            case MEASURED -> "Measured · ";
            case QUERY -> "Query · ";
            case PREDICTED -> "Predicted today · ";
            case FACT -> "Instance fact · ";
        };
    }

    private static Label badge(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll("rec-badge", style);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    static Label wrapped(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    void dispose() {
        subscriptions.unsubscribe();
    }
}
