/**
 * Recommendations for one instance (issue 14, decision 0149): a constrained search over the settings the performance
 * model prices, with the model's prediction as the objective, and a rule that recommends planner settings only where
 * the instance's own queries are shown to benefit.
 *
 * <p>Entry point: {@link io.knobwright.simulator.recommend.Recommender#recommend(RecommendationRequest)} answers a
 * {@link io.knobwright.simulator.recommend.RecommendationSet}: the changes with their evidence, reasoning, predicted
 * effect and confidence, or "no change recommended" with its reason. Pure functions of the request: no I/O, no
 * clock, same request, same answer.
 */
package io.knobwright.simulator.recommend;
