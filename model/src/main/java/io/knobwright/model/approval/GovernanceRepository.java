package io.knobwright.model.approval;

import io.knobwright.model.policy.Policy;
import io.knobwright.model.policy.PolicyVersion;
import io.knobwright.model.policy.User;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Users, the versioned policy and every plan's approval record in the store. */
public interface GovernanceRepository {

    List<User> users();

    Optional<User> user(String name);

    /** Adds the user, or replaces their roles when they exist. */
    void saveUser(User user, String by, Instant at);

    /** The policy in force: the newest stored version, else {@link PolicyVersion#BUILT_IN}. */
    PolicyVersion policy();

    /** Stores the next version and returns it. */
    PolicyVersion savePolicy(Policy policy, String by, Instant at, String comment);

    void saveSubmission(Submission submission);

    Optional<Submission> latestSubmission(long planId);

    /** The newest submission of each plan that has one. */
    Map<Long, Submission> latestSubmissions(Collection<Long> planIds);

    /** When the round next needs a look (expiry or escalation); null: never. */
    void nextCheck(long planId, int round, Instant at);

    /** Plans whose current round is due for a look at {@code now}. */
    List<Long> dueForCheck(Instant now);

    void saveDecision(long planId, Decision decision);

    /** Whether a decision with this uid is stored (syncing it again must not double it). */
    boolean hasDecision(String uid);

    /** The decisions of one round, oldest first. */
    List<Decision> decisions(long planId, int round);

    /** The decisions of each plan's given round. */
    Map<Long, List<Decision>> decisions(Map<Long, Integer> roundByPlan);

    /** Records that a level was seen escalated; false when it already was (so it is audited once). */
    boolean markEscalated(long planId, int round, int level, Instant at);

    Delegation saveDelegation(Delegation delegation);

    /** Delegations whose window has not ended at {@code now}. */
    List<Delegation> delegations(Instant now);

    ReviewItem openReview(ReviewItem item);

    ReviewItem closeReview(long id, String by, Instant at, String comment);

    Optional<ReviewItem> review(long id);

    /** The review items of one plan, oldest first. */
    List<ReviewItem> reviewsOf(long planId);

    /** Open review items first, then closed ones, newest first within each. */
    List<ReviewItem> reviews(boolean openOnly);
}
