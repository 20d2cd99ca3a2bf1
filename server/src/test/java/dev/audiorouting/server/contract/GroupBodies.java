package dev.audiorouting.server.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.audiorouting.server.domain.Limits;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Request bodies derived from the rules of openapi.yaml: valid audioRoutingGroups of every shape the spec
 * allows, and invalid ones made by breaking exactly one rule of a valid one.
 */
final class GroupBodies {
    static final ObjectMapper JSON = new ObjectMapper();

    private GroupBodies() {
    }

    /** A valid body, and what the server must answer for it. */
    record Valid(ObjectNode body) {
        boolean hasId() {
            return body.has("id");
        }
    }

    /**
     * Text ids as the spec allows them: 1 to 128 code points, no control characters; Unicode of every plane,
     * whitespace, percent signs, quotes. {@code addressable}: also no '/', '\' or '%', and not '.' or '..'.
     */
    static Arbitrary<String> ids(boolean addressable) {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0x20, 0x7E)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0xA0, 0xD7FF)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFD)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of((int) ' ', (int) '%', (int) '"', (int) '\\', (int) '/', 0x3000)));
        Arbitrary<Integer> allowed = addressable ? codePoint.filter(c -> c != '/' && c != '\\' && c != '%') : codePoint;
        return Arbitraries.oneOf(
                        allowed.list().ofMinSize(1).ofMaxSize(12),
                        allowed.list().ofMinSize(Limits.MAX_ID_LENGTH - 2).ofMaxSize(Limits.MAX_ID_LENGTH))
                .map(GroupBodies::text)
                .filter(id -> !addressable || !(id.equals(".") || id.equals("..")));
    }

    private static String text(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }

    static Arbitrary<Valid> valid() {
        Arbitrary<String> participant = ids(false);
        Arbitrary<Boolean> multicast = Arbitraries.of(true, false);
        Arbitrary<Integer> receiverCount = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(1, 5)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(Limits.MAX_RECEIVERS - 3, Limits.MAX_RECEIVERS)));
        return Combinators.combine(ids(true).optional(), multicast, participant, participant.set().ofSize(Limits.MAX_RECEIVERS + 1),
                        receiverCount, Arbitraries.of(true, false))
                .as((id, isMulticast, source, candidates, count, typed) -> {
                    List<String> receivers = new ArrayList<>(candidates);
                    receivers.remove(source);
                    receivers = receivers.subList(0, isMulticast ? Math.min(count, receivers.size()) : 1);
                    ObjectNode body = JSON.createObjectNode();
                    if (typed) {
                        body.put("@odata.type", "#microsoft.graph.audioRoutingGroup");
                    }
                    id.ifPresent(value -> body.put("id", value));
                    body.put("routingMode", isMulticast ? "multicast" : "oneToOne");
                    body.set("sources", JSON.createArrayNode().add(source));
                    ArrayNode array = body.putArray("receivers");
                    receivers.forEach(array::add);
                    return new Valid(body);
                });
    }

    /**
     * An invalid body: a valid one with exactly one rule broken. The answer's {@code target} must be
     * {@code target} (or one of its items, {@code target[i]}), and its message must contain {@code mention};
     * either may be {@code null} when the rule cannot tell.
     */
    record Invalid(String rule, byte[] body, String target, String mention) {
        @Override
        public String toString() {
            return rule + ": " + new String(body, java.nio.charset.StandardCharsets.UTF_8)
                    .substring(0, Math.min(120, body.length));
        }
    }

    static Arbitrary<Invalid> invalid() {
        return Combinators.combine(valid(), Arbitraries.integers().between(0, 1_000_000)).flatAs((valid, seed) ->
                Arbitraries.of(MUTATIONS).map(mutation -> mutation.apply(valid.body().deepCopy(), seed)));
    }

    /** The group {@link #invalidChanges()} are sent to: multicast from "s" to "r1", id "g". */
    static final String CHANGED_GROUP = "{\"id\":\"g\",\"routingMode\":\"multicast\",\"sources\":[\"s\"],\"receivers\":[\"r1\"]}";

    /** Invalid PATCH bodies for {@link #CHANGED_GROUP}, each breaking one rule of changes. */
    static Arbitrary<Invalid> invalidChanges() {
        ArrayNode tooMany = JSON.createArrayNode();
        for (int i = 0; i <= Limits.MAX_RECEIVERS; i++) {
            tooMany.add("r" + i);
        }
        return Arbitraries.of(
                change("null receivers", "{\"receivers\":null}", "receivers", null),
                change("no receivers", "{\"receivers\":[]}", "receivers", null),
                change("receivers not an array", "{\"receivers\":\"r2\"}", "receivers", null),
                change("a number among receivers", "{\"receivers\":[42]}", "receivers", null),
                change("the source as receiver", "{\"receivers\":[\"s\"]}", "receivers", null),
                change("duplicate receivers", "{\"receivers\":[\"r2\",\"r2\"]}", "receivers", null),
                change("too many receivers", "{\"receivers\":" + tooMany + "}", "receivers", null),
                change("another source", "{\"sources\":[\"other\"]}", "sources", "delete the group and create it again"),
                change("another mode", "{\"routingMode\":\"oneToOne\"}", "routingMode", "delete the group and create it again"),
                change("an unknown mode", "{\"routingMode\":\"broadcast\"}", "routingMode", null),
                change("another id", "{\"id\":\"h\"}", "id", null),
                change("an unknown property", "{\"receivers\":[\"r2\"],\"color\":\"red\"}", "color", null),
                change("truncated JSON", "{\"receivers\":[\"r2\"", null, "JSON"),
                change("an empty body", "", "body", null),
                change("an array", "[]", "body", null));
    }

    private static Invalid change(String rule, String body, String target, String mention) {
        return new Invalid(rule, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), target, mention);
    }

    private interface Mutation {
        Invalid apply(ObjectNode body, int seed);
    }

    private static final List<String> REQUIRED = List.of("routingMode", "sources", "receivers");
    private static final List<String> FIELDS = List.of("id", "routingMode", "sources", "receivers", "@odata.type");

    private static final List<Mutation> MUTATIONS = List.of(
            (body, seed) -> {
                String field = REQUIRED.get(seed % REQUIRED.size());
                body.remove(field);
                return invalid("missing " + field, body, field);
            },
            (body, seed) -> {
                String field = FIELDS.get(seed % FIELDS.size());
                body.putNull(field);
                return invalid("null " + field, body, field);
            },
            (body, seed) -> {
                String field = FIELDS.get(seed % FIELDS.size());
                // 0 and 1 too: an enum must not be read from its ordinal.
                JsonNode wrong = List.<JsonNode>of(JSON.getNodeFactory().numberNode(42), JSON.getNodeFactory().booleanNode(true),
                        JSON.createObjectNode(), JSON.getNodeFactory().numberNode(1.5), JSON.getNodeFactory().numberNode(0),
                        JSON.getNodeFactory().numberNode(1)).get(seed % 6);
                body.set(field, field.equals("sources") || field.equals("receivers") ? JSON.getNodeFactory().textNode("a") : wrong);
                return invalid("wrong type of " + field, body, field);
            },
            (body, seed) -> {
                ((ArrayNode) body.get("receivers")).add(42);
                return invalid("a number among receivers", body, "receivers");
            },
            (body, seed) -> {
                body.put("routingMode", List.of("broadcast", "OneToOne", "", "unknownFutureValue").get(seed % 4));
                return invalid("routingMode out of the enum", body, "routingMode");
            },
            (body, seed) -> {
                ArrayNode receivers = (ArrayNode) body.get("receivers");
                receivers.add(receivers.get(0).asText());
                return invalid("duplicate receiver", body, "receivers");
            },
            (body, seed) -> {
                ((ArrayNode) body.get("receivers")).add(body.get("sources").get(0).asText());
                return invalid("source among receivers", body, "receivers");
            },
            (body, seed) -> {
                ArrayNode receivers = body.putArray("receivers");
                for (int i = 0; i <= Limits.MAX_RECEIVERS; i++) {
                    receivers.add("r" + i);
                }
                body.put("routingMode", "multicast");
                return invalid("too many receivers", body, "receivers");
            },
            (body, seed) -> {
                String field = seed % 2 == 0 ? "receivers" : "sources";
                body.putArray(field);
                return invalid("no " + field, body, field);
            },
            (body, seed) -> {
                ((ArrayNode) body.get("sources")).add("second-source-" + seed);
                return invalid("two sources", body, "sources");
            },
            (body, seed) -> {
                String unknown = List.of("color", "Receivers", "@odata.context", "source").get(seed % 4);
                body.put(unknown, "x");
                return invalid("unknown property", body, unknown);
            },
            (body, seed) -> {
                body.put("id", "x".repeat(Limits.MAX_ID_LENGTH + 1));
                return invalid("id too long", body, "id");
            },
            (body, seed) -> {
                body.put("id", List.of(".", "..", "a/b", "50%", "tab\t", "nul\u0000").get(seed % 6));
                return invalid("id that no URL can carry", body, "id");
            },
            (body, seed) -> {
                body.set("sources", JSON.createArrayNode().add(""));
                return invalid("empty participant id", body, "sources");
            },
            (body, seed) -> {
                byte[] json = bytes(body);
                return new Invalid("truncated JSON", java.util.Arrays.copyOf(json, 1 + seed % (json.length - 1)), null, "JSON");
            },
            (body, seed) -> new Invalid("malformed JSON", ("{'id':" + seed + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8), null, "JSON"),
            (body, seed) -> new Invalid("trailing data", (new String(bytes(body), java.nio.charset.StandardCharsets.UTF_8) + " {}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8), null, "JSON"),
            (body, seed) -> new Invalid("empty body", new byte[0], "body", null),
            (body, seed) -> new Invalid("deeply nested JSON", ("{\"receivers\":" + "[".repeat(2000 + seed % 3000) + "]".repeat(2000 + seed % 3000) + "}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8), null, null),
            (body, seed) -> {
                body.put("id", "caf\u00e9-" + seed);
                return new Invalid("Latin-1 bytes", body.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), null, "UTF-8");
            });

    private static Invalid invalid(String rule, ObjectNode body, String target) {
        return new Invalid(rule, bytes(body), target, null);
    }

    static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
