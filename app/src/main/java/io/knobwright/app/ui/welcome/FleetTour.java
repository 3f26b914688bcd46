package io.knobwright.app.ui.welcome;

import io.knobwright.app.ui.common.Formats;
import io.knobwright.app.ui.common.Labels;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The fleet as the store holds it, counted for the welcome's tour: the demo instances per engine and tier, how many
 * follow a template, the plans that await review and the overrides in force. Read from the store, never written down:
 * the demo file, the seeding and the user's own work all change these numbers.
 *
 * @param demoByEngine        demo instances per engine, engines without any left out
 * @param demoByTier          demo instances per tier, tiers without any left out
 * @param ownInstances        instances that are not demo ones (registered or imported by the user)
 * @param withTemplate        instances that follow a template (the demo's carry a settings snapshot too)
 * @param plansAwaitingReview change plans submitted and not yet decided
 * @param liveOverrides       emergency overrides in force
 */
public record FleetTour(Map<Engine, Integer> demoByEngine, Map<Tier, Integer> demoByTier, int ownInstances, int withTemplate,
                        int plansAwaitingReview, int liveOverrides) {

    public FleetTour {
        demoByEngine = Map.copyOf(demoByEngine);
        demoByTier = Map.copyOf(demoByTier);
        if (ownInstances < 0 || withTemplate < 0 || plansAwaitingReview < 0 || liveOverrides < 0) {
            throw new IllegalArgumentException("Counts cannot be negative");
        }
    }

    public static FleetTour empty() {
        return new FleetTour(Map.of(), Map.of(), 0, 0, 0, 0);
    }

    /** Counts the fleet as listed; the other numbers are the store's. */
    public static FleetTour read(List<Instance> fleet, int withTemplate, int plansAwaitingReview, int liveOverrides) {
        Map<Engine, Integer> engines = new EnumMap<>(Engine.class);
        Map<Tier, Integer> tiers = new EnumMap<>(Tier.class);
        int own = 0;
        for (Instance instance : fleet) {
            if (instance.demo()) {
                engines.merge(instance.engine(), 1, Integer::sum);
                tiers.merge(instance.tier(), 1, Integer::sum);
            } else {
                own++;
            }
        }
        return new FleetTour(engines, tiers, own, withTemplate, plansAwaitingReview, liveOverrides);
    }

    public int demoInstances() {
        return demoByEngine.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The tour in sentences, each about one thing the user can go and look at. */
    public List<String> sentences() {
        List<String> lines = new ArrayList<>();
        int demo = demoInstances();
        if (demo == 0) {
            lines.add(ownInstances == 0 ? "The fleet is empty: there is no demo fleet in this store."
                    : "The demo fleet is gone; your fleet has " + Formats.count(ownInstances, "instance", "instances") + ".");
        } else {
            lines.add("The demo fleet has " + Formats.count(demo, "instance", "instances") + ": "
                    + byCount(demoByEngine, Engine::displayName) + ". They are inventory only: Knobwright never connects to them.");
            lines.add("By tier: " + byOrder(demoByTier) + ". The Fleet screen filters and groups by tier, engine and tags.");
            if (ownInstances > 0) {
                lines.add("Besides the demo, your fleet has " + Formats.count(ownInstances, "instance", "instances") + " of your own.");
            }
        }
        if (withTemplate > 0) {
            lines.add(Formats.count(withTemplate, "instance follows", "instances follow") + " a template and "
                    + (withTemplate == 1 ? "carries" : "carry") + " a settings snapshot: the Fleet table shows "
                    + (withTemplate == 1 ? "its" : "their") + " drift, and Compare lines the settings up against the template.");
        }
        lines.add(plansAwaitingReview > 0
                ? Formats.count(plansAwaitingReview, "change plan awaits", "change plans await")
                + " review: the Reviews panel (Ctrl+Shift+A) opens " + (plansAwaitingReview == 1 ? "it" : "them") + "."
                : "No change plan awaits review yet: a plan starts from a template on the Templates screen.");
        lines.add(liveOverrides > 0
                ? Formats.count(liveOverrides, "emergency override is", "emergency overrides are")
                + " in force: the Operations screen counts down to each restore."
                : "No emergency override is in force: one would count down to its restore on the Operations screen.");
        return List.copyOf(lines);
    }

    private static String byCount(Map<Engine, Integer> counts, java.util.function.Function<Engine, String> name) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<Engine, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getValue() + " " + name.apply(e.getKey()))
                .collect(Collectors.joining(", "));
    }

    private static String byOrder(Map<Tier, Integer> counts) {
        return new EnumMap<>(counts).entrySet().stream()
                .map(e -> e.getValue() + " " + Labels.tier(e.getKey()).toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
