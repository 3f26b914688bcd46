package io.knobwright.app.ui.review;

/**
 * Something a person wrote about a plan: the author on submitting, a reviewer with a decision, an operator
 * breaking the glass.
 *
 * @param who  "alice (submitted)", "bob (approved level 1)"
 * @param when "2026-12-06 10:32"
 */
public record CommentLine(String who, String when, String text) {
}
