package io.knobwright.app.ui.workload;

/** One key figure of the profile beside the "why": "Transactions", "1,240/s", "commits + rollbacks". */
public record Figure(String label, String value, String note) {
}
