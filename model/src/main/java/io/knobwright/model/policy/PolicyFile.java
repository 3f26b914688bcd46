package io.knobwright.model.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.notify.WebhookEvent;
import io.knobwright.model.notify.WebhookSubscription;
import io.knobwright.model.text.ReadLimits;
import io.knobwright.model.text.ShownText;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy as a file a team versions next to its other configuration (YAML), and as the JSON the store keeps.
 * Reading checks everything and names the rule and the key that is wrong; nothing is half-read.
 * <pre>
 * locks:
 *   - {parameter: fsync, scope: all, reason: never off}
 * rules:
 *   - name: production
 *     match: {tiers: [production]}
 *     levels: [{role: senior-dba, quorum: 1}, {role: change-board, quorum: 2}]
 *     escalateAfter: 4h
 *     escalateTo: admin
 *     expireAfter: 3d
 * fallback:
 *   levels: [{role: reviewer, quorum: 1}]
 * </pre>
 */
public final class PolicyFile {

    record LockDoc(String parameter, String scope, String reason) {
    }

    record LevelDoc(String role, Integer quorum) {
    }

    record MatchDoc(List<String> engines, List<String> tiers, Map<String, String> tags, List<String> instances,
                    String minCriticality, String minRisk, Boolean lockedOnly, Boolean restartOnly, List<String> parameters) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RuleDoc(String name, MatchDoc match, List<LevelDoc> levels, String escalateAfter, String escalateTo,
                   String expireAfter) {
    }

    record WebhookDoc(String url, List<String> events, String secretEnv, Boolean enabled) {
    }

    record Doc(List<LockDoc> locks, List<RuleDoc> rules, RuleDoc fallback, List<WebhookDoc> webhooks) {
    }

    private static final ObjectMapper JSON = new ObjectMapper(ReadLimits.applied(new JsonFactory()))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
    private static final ObjectMapper YAML = new ObjectMapper(ReadLimits.applied(YAMLFactory.builder()
            .loaderOptions(ReadLimits.yamlLoader())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build()))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

    /** A list's name and what one item of it is called in a message ("rule 2"). */
    private static final Map<String, String> ITEM = Map.of("locks", "lock", "rules", "rule", "webhooks", "webhook", "levels", "level");

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})\\s*(s|m|h|d)");

    private PolicyFile() {
    }

    public static Policy readYaml(String text, String source) {
        return read(YAML, text, source);
    }

    public static Policy readJson(String text) {
        return read(JSON, text, "The stored policy");
    }

    public static String writeYaml(Policy policy) {
        return write(YAML, policy);
    }

    public static String writeJson(Policy policy) {
        return write(JSON, policy);
    }

    private static Policy read(ObjectMapper mapper, String text, String source) {
        Doc doc;
        try {
            doc = mapper.readValue(text, Doc.class);
        } catch (UnrecognizedPropertyException e) {
            throw UserError.input(path(source, e, true) + ": unknown key '" + ShownText.excerpt(e.getPropertyName(), ShownText.EXCERPT)
                    + "' (known: locks, rules, fallback, webhooks; in a webhook: url, events, secretEnv, enabled; in a lock: parameter, scope, reason; in a rule: name, match, levels,"
                    + " escalateAfter, escalateTo, expireAfter; in match: engines, tiers, tags, instances, minCriticality,"
                    + " minRisk, lockedOnly, restartOnly, parameters)");
        } catch (MismatchedInputException e) {
            if (e.getPath().isEmpty() && String.valueOf(e.getOriginalMessage()).startsWith("No content")) {
                throw UserError.input(source + " is empty: a policy file has locks, rules and a fallback");
            }
            throw UserError.input(ReadLimits.exceeded(e, source).orElseGet(() -> path(source, e, false)
                    + ": not a valid policy file: expected " + expected(e.getTargetType()) + " here"));
        } catch (JsonProcessingException e) {
            throw UserError.input(ReadLimits.exceeded(e, source).orElseGet(() -> place(source, e)
                    + ": not a valid policy file: " + ShownText.excerpt(e.getOriginalMessage(), 300)));
        }
        if (doc == null) {
            throw UserError.input(source + " is empty: a policy file has locks, rules and a fallback");
        }
        return toPolicy(doc, source);
    }

    /**
     * Where a key or value is, by its path ("test.yaml, rule 2, match"): the line Jackson reports for these is where
     * the enclosing mapping ends (records are read as a whole), which points a reader at the wrong line.
     */
    private static String path(String source, JsonMappingException e, boolean withoutLast) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                parts.add(r.getFieldName());
            } else if (r.getIndex() >= 0 && !parts.isEmpty()) {
                String list = parts.removeLast();
                parts.add(ITEM.getOrDefault(list, list) + " " + (r.getIndex() + 1));
            }
        }
        if (withoutLast && !parts.isEmpty()) {
            parts.removeLast();
        }
        return parts.isEmpty() ? source : source + ", " + ShownText.excerpt(String.join(", ", parts), 200);
    }

    private static String expected(Class<?> type) {
        if (type == null || type == Doc.class) {
            return "a mapping of locks, rules, fallback and webhooks";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list ([a, b], or one '- ' line per item)";
        }
        if (type == Integer.class) {
            return "a whole number";
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        return type == String.class ? "a text" : "a mapping (key: value)";
    }

    private static String place(String source, JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        return line <= 0 ? source : source + " line " + line;
    }

    private static Policy toPolicy(Doc doc, String source) {
        String where = source;
        try {
            List<LockRule> locks = new ArrayList<>();
            List<LockDoc> lockDocs = doc.locks() == null ? List.of() : doc.locks();
            for (int i = 0; i < lockDocs.size(); i++) {
                LockDoc l = lockDocs.get(i);
                where = source + ", lock " + (i + 1);
                if (l == null || l.parameter() == null) {
                    throw new IllegalArgumentException("a lock needs a parameter");
                }
                locks.add(new LockRule(LockScope.parse(l.scope() == null ? "all" : l.scope()), new ParameterPattern(l.parameter()),
                        l.reason()));
            }
            List<ApprovalRule> rules = new ArrayList<>();
            List<RuleDoc> ruleDocs = doc.rules() == null ? List.of() : doc.rules();
            for (int i = 0; i < ruleDocs.size(); i++) {
                RuleDoc r = ruleDocs.get(i);
                where = source + ", rule " + (i + 1) + (r != null && r.name() != null ? " (" + ShownText.excerpt(r.name(), 80) + ")" : "");
                if (r == null) {
                    throw new IllegalArgumentException("the rule is empty");
                }
                if (r.levels() == null) {
                    throw new IllegalArgumentException("the rule has no levels (write levels: [] for a rule that needs no approval)");
                }
                rules.add(toRule(r, r.name()));
            }
            where = source + ", fallback";
            ApprovalRule fallback = doc.fallback() == null ? ApprovalRule.defaultFallback()
                    : toRule(doc.fallback(), doc.fallback().name() == null ? "fallback" : doc.fallback().name());
            if (fallback.match() != RuleMatch.ANY && !fallback.match().isAny()) {
                throw new IllegalArgumentException("the fallback applies to every plan no rule matches: it has no match");
            }
            List<WebhookSubscription> webhooks = new ArrayList<>();
            List<WebhookDoc> hookDocs = doc.webhooks() == null ? List.of() : doc.webhooks();
            for (int i = 0; i < hookDocs.size(); i++) {
                WebhookDoc h = hookDocs.get(i);
                where = source + ", webhook " + (i + 1);
                if (h == null || h.url() == null) {
                    throw new IllegalArgumentException("a webhook needs a url");
                }
                Set<WebhookEvent.Type> types = new LinkedHashSet<>();
                for (String e : nonNull(h.events())) {
                    String name = e == null ? "" : e.strip().toLowerCase(Locale.ROOT);
                    if (name.equals("alert.*")) { // both alert events; a subscription opts in to alerts by naming them
                        types.add(WebhookEvent.Type.ALERT_RAISED);
                        types.add(WebhookEvent.Type.ALERT_CLEARED);
                        continue;
                    }
                    try {
                        types.add(WebhookEvent.Type.ofWireName(name));
                    } catch (RuntimeException unknown) {
                        throw new IllegalArgumentException("event '" + ShownText.excerpt(String.valueOf(e), 40)
                                + "' is not one of " + WebhookEvent.Type.KNOWN);
                    }
                }
                webhooks.add(new WebhookSubscription(h.url().strip(), types, h.secretEnv(), h.enabled() == null || h.enabled()));
            }
            where = source;
            return new Policy(locks, rules, fallback, webhooks);
        } catch (IllegalArgumentException e) {
            throw UserError.input(where + ": " + ShownText.escaped(e.getMessage()));
        }
    }

    private static ApprovalRule toRule(RuleDoc r, String name) {
        List<ApprovalLevel> levels = new ArrayList<>();
        List<LevelDoc> levelDocs = r.levels() == null ? List.of() : r.levels();
        for (int i = 0; i < levelDocs.size(); i++) {
            LevelDoc l = levelDocs.get(i);
            if (l == null || l.role() == null) {
                throw new IllegalArgumentException("level " + (i + 1) + " needs a role");
            }
            levels.add(new ApprovalLevel(Role.of(l.role()), l.quorum() == null ? 1 : l.quorum()));
        }
        return new ApprovalRule(name, toMatch(r.match()), levels, duration(r.escalateAfter(), "escalateAfter"),
                r.escalateTo() == null ? null : Role.of(r.escalateTo()), duration(r.expireAfter(), "expireAfter"));
    }

    private static RuleMatch toMatch(MatchDoc m) {
        if (m == null) {
            return RuleMatch.ANY;
        }
        Set<String> engines = new LinkedHashSet<>();
        for (String e : nonNull(m.engines())) {
            engines.add(LockScope.parse("engine:" + e).value());
        }
        Set<String> tiers = new LinkedHashSet<>();
        for (String t : nonNull(m.tiers())) {
            tiers.add(LockScope.parse("tier:" + t).value());
        }
        List<ParameterPattern> parameters = nonNull(m.parameters()).stream().map(ParameterPattern::new).toList();
        return new RuleMatch(engines, tiers, m.tags(), m.instances() == null ? null : new LinkedHashSet<>(m.instances()),
                m.minCriticality() == null ? null : enumOf(Criticality.class, m.minCriticality(), "minCriticality"),
                m.minRisk() == null ? null : enumOf(RiskLevel.class, m.minRisk(), "minRisk"),
                Boolean.TRUE.equals(m.lockedOnly()), Boolean.TRUE.equals(m.restartOnly()), parameters);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String text, String key) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " '" + text + "' is not one of " + String.join(", ",
                    java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));
        }
    }

    /** "4h", "30m", "3d", "90s", or ISO-8601 ("PT4H", "P3D"). */
    public static Duration duration(String text, String key) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = SHORT_DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " '" + ShownText.excerpt(text, 40) + "' is not a duration: write 30m, 4h, 3d or PT4H");
        }
    }

    private static String write(ObjectMapper mapper, Policy policy) {
        List<LockDoc> locks = policy.locks().stream()
                .map(l -> new LockDoc(l.parameter().text(), l.scope().toString(), l.reason().isEmpty() ? null : l.reason())).toList();
        List<RuleDoc> rules = policy.rules().stream().map(PolicyFile::toDoc).toList();
        try {
            List<WebhookDoc> hooks = policy.webhooks().stream().map(h -> new WebhookDoc(h.url(),
                    h.eventTypes().stream().map(WebhookEvent.Type::wireName).toList(), h.secretEnv(), h.enabled() ? null : false)).toList();
            return mapper.writeValueAsString(new Doc(locks, rules, toDoc(policy.fallback()), hooks));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the policy", e);
        }
    }

    private static RuleDoc toDoc(ApprovalRule r) {
        RuleMatch m = r.match();
        MatchDoc match = m.isAny() ? null : new MatchDoc(List.copyOf(m.engines()), List.copyOf(m.tiers()), m.tags(),
                List.copyOf(m.instances()), m.minCriticality() == null ? null : m.minCriticality().name().toLowerCase(Locale.ROOT),
                m.minRisk() == null ? null : m.minRisk().name().toLowerCase(Locale.ROOT), m.lockedOnly() ? true : null,
                m.restartOnly() ? true : null, m.parameters().stream().map(ParameterPattern::text).toList());
        List<LevelDoc> levels = r.levels().stream().map(l -> new LevelDoc(l.role().name(), l.quorum())).toList();
        return new RuleDoc(r.name(), match, levels, text(r.escalateAfter()), r.escalateTo() == null ? null : r.escalateTo().name(),
                text(r.expireAfter()));
    }

    private static String text(Duration d) {
        return d == null ? null : d.toString();
    }
}
