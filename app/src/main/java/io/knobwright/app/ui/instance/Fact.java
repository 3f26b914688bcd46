package io.knobwright.app.ui.instance;

/** One line of the facts block of the instance detail ("Hardware", "16 vCPU · 64 GB RAM · 1 TB NVMe"). */
public record Fact(String label, String value) {
}
