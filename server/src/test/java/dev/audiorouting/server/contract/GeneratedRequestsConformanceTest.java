package dev.audiorouting.server.contract;

import static dev.audiorouting.server.contract.CreateAudioRoutingGroupContractTest.content;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated requests over real HTTP, every response checked against openapi.yaml by the server's client:
 * valid bodies are stored and read back equal; invalid ones are refused in Graph's shape, naming the problem,
 * leaving nothing stored; hostile paths never reach another call's data; nothing ever answers 5xx.
 */
class GeneratedRequestsConformanceTest {
    private static ServerUnderTest server;
    /** A group no generated request may ever see or change. */
    private static final String VICTIM_CALL = "victim-call";
    /** Seen in an answer, it would mean the victim's group leaked. */
    private static final String MARKER = "marker-" + java.util.UUID.randomUUID();
    private static final String VICTIM_BODY = "{\"id\":\"victim\",\"routingMode\":\"oneToOne\",\"sources\":[\"s\"],\"receivers\":[\"" + MARKER + "\"]}";

    @BeforeContainer
    static void start() {
        server = ServerUnderTest.start();
        assertThat(server.post(groups(VICTIM_CALL), "application/json", VICTIM_BODY).statusCode()).isEqualTo(200);
    }

    @AfterContainer
    static void stop() throws Exception {
        try {
            assertThat(server.send(server.request(groups(VICTIM_CALL) + "/victim").GET()).body())
                    .as("the victim's group is intact").contains(MARKER);
        } finally {
            server.close();
        }
    }

    private static String groups(String callId) {
        return "/communications/calls/" + URLEncoder.encode(callId, StandardCharsets.UTF_8).replace("+", "%20") + "/audioRoutingGroups";
    }

    private static HttpResponse<String> post(String path, String contentType, byte[] body) {
        HttpRequest.Builder request = server.request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return server.send(request);
    }

    @Property(tries = 150)
    void validBodiesAnswer200AndReadBackEqual(@ForAll("validBodies") GroupBodies.Valid valid) throws Exception {
        String callId = ServerUnderTest.newCallId();

        HttpResponse<String> created = post(groups(callId), "application/json", GroupBodies.bytes(valid.body()));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        ObjectNode answered = (ObjectNode) content(created);
        ObjectNode expected = valid.body().deepCopy();
        expected.remove("@odata.type");
        if (!valid.hasId()) {
            expected.put("id", answered.get("id").asText());
        }
        assertThat(answered).isEqualTo(expected);
        HttpResponse<String> read = server.send(server.request(groups(callId) + "/"
                + URLEncoder.encode(answered.get("id").asText(), StandardCharsets.UTF_8).replace("+", "%20")).GET());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(content(read)).isEqualTo(expected);
    }

    /** The largest group the spec allows, which random generation reaches only rarely. */
    @net.jqwik.api.Example
    void theLargestValidGroupIsStoredWhole() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode body = GroupBodies.JSON.createObjectNode();
        String longest = "\ud83c\udfb5".repeat(dev.audiorouting.server.domain.Limits.MAX_ID_LENGTH - 3);
        body.put("id", longest + "id!");
        body.put("routingMode", "multicast");
        body.putArray("sources").add(longest + "src");
        com.fasterxml.jackson.databind.node.ArrayNode receivers = body.putArray("receivers");
        for (int i = 0; i < dev.audiorouting.server.domain.Limits.MAX_RECEIVERS; i++) {
            receivers.add(longest + String.format("%03d", i));
        }

        validBodiesAnswer200AndReadBackEqual(new GroupBodies.Valid(body));
    }

    @Provide
    Arbitrary<GroupBodies.Valid> validBodies() {
        return GroupBodies.valid();
    }

    @Property(tries = 300)
    void invalidBodiesAre400sNamingTheProblemAndStoreNothing(@ForAll("invalidBodies") GroupBodies.Invalid invalid) throws Exception {
        String callId = ServerUnderTest.newCallId();

        HttpResponse<String> response = post(groups(callId), "application/json", invalid.body());

        assertNamesTheProblem(ErrorResponsesContractTest.graphError(response, 400, "invalidRequest"), invalid);
        JsonNode list = GroupBodies.JSON.readTree(server.send(server.request(groups(callId)).GET()).body());
        assertThat(list.get("value")).as("nothing stored").isEmpty();
    }

    @Property(tries = 45)
    void invalidChangesAre400sAndLeaveTheGroupAsItWas(@ForAll("invalidChanges") GroupBodies.Invalid invalid) throws Exception {
        String callId = ServerUnderTest.newCallId();
        post(groups(callId), "application/json", GroupBodies.CHANGED_GROUP.getBytes(StandardCharsets.UTF_8));
        String before = server.send(server.request(groups(callId) + "/g").GET()).body();

        HttpResponse<String> response = server.send(server.request(groups(callId) + "/g").header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(invalid.body())));

        assertNamesTheProblem(ErrorResponsesContractTest.graphError(response, 400, "invalidRequest"), invalid);
        assertThat(server.send(server.request(groups(callId) + "/g").GET()).body()).as("unchanged, same version").isEqualTo(before);
    }

    @Provide
    Arbitrary<GroupBodies.Invalid> invalidChanges() {
        return GroupBodies.invalidChanges();
    }

    private static void assertNamesTheProblem(JsonNode error, GroupBodies.Invalid invalid) {
        if (invalid.target() != null) {
            assertThat(error.path("target").asText()).as(error.toString())
                    .satisfiesAnyOf(target -> assertThat(target).isEqualTo(invalid.target()),
                            target -> assertThat(target).startsWith(invalid.target() + "["));
        }
        if (invalid.mention() != null) {
            assertThat(error.get("message").asText()).contains(invalid.mention());
        }
    }

    @Provide
    Arbitrary<GroupBodies.Invalid> invalidBodies() {
        return GroupBodies.invalid();
    }

    @Property(tries = 60)
    void aBodyThatIsNotJsonIsRefusedWith415(@ForAll("validBodies") GroupBodies.Valid valid,
                                            @ForAll("notJson") String contentType) {
        HttpResponse<String> response = post(groups(ServerUnderTest.newCallId()), contentType.isEmpty() ? null : contentType,
                GroupBodies.bytes(valid.body()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
    }

    @Provide
    Arbitrary<String> notJson() {
        return Arbitraries.of("", "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/jsonx", "text/json");
    }

    @Property(tries = 40)
    void charsetVariantsOfJsonAreReadOrRefusedButNeverFail(@ForAll("validBodies") GroupBodies.Valid valid,
                                                           @ForAll("charsets") String charset) {
        byte[] body = GroupBodies.bytes(valid.body());
        byte[] encoded = new String(body, StandardCharsets.UTF_8).getBytes(java.nio.charset.Charset.forName(charset.isEmpty() ? "UTF-8" : charset));

        HttpResponse<String> response = post(groups(ServerUnderTest.newCallId()),
                "application/json" + (charset.isEmpty() ? "" : "; charset=" + charset), encoded);

        assertThat(response.statusCode()).as(response.body()).isIn(200, 400, 415);
    }

    @Provide
    Arbitrary<String> charsets() {
        return Arbitraries.of("", "utf-8", "UTF-8", "utf-16", "UTF-16BE", "UTF-16LE", "ISO-8859-1", "US-ASCII");
    }

    /**
     * Paths a hostile or broken client may send, read and deleted: answered or refused cleanly, and the victim's
     * group is reached only through a path that names its call and its id (checked intact at the end).
     */
    @Property(tries = 200)
    void hostilePathsNeverFailAndNeverReachAnotherCall(@ForAll("hostileSegments") String callSegment,
                                                       @ForAll("hostileSegments") String groupSegment) throws Exception {
        String base = "/beta/communications/calls/" + callSegment + "/audioRoutingGroups";
        boolean victimsCall = decodesTo(callSegment, VICTIM_CALL);
        for (String request : List.of("GET " + base, "GET " + base + "/" + groupSegment, "DELETE " + base + "/" + groupSegment)) {
            if (victimsCall && request.startsWith("DELETE") && decodesTo(groupSegment, "victim")) {
                continue; // a legitimate delete of the victim
            }
            RawHttp.Response response = RawHttp.exchange(server.baseUri(), (request + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + ServerUnderTest.authorization() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));

            assertThat(response.status()).as(request + " -> " + response.body()).isBetween(200, 499);
            checkAgainstTheSpec(request, response);
            if (!victimsCall) {
                assertThat(response.body()).as(request).doesNotContain(MARKER);
            }
        }
    }

    /**
     * As every other answer: allowed by openapi.yaml for the operation, or Graph's error shape outside them. The
     * path is judged as the server reads it: up to '?' or '#', without ";parameters", dot segments resolved, no
     * trailing slash (so ".../audioRoutingGroups/." is the list, as RFC 3986 says). A path no URI parser
     * accepts gets the shape check only.
     */
    private static void checkAgainstTheSpec(String request, RawHttp.Response response) {
        String[] methodAndPath = request.split(" ", 2);
        // Path parameters (";x") are no part of a segment's name, for the server as for RFC 3986.
        String path = methodAndPath[1].split("[?#]", 2)[0].replaceAll(";[^/]*", "");
        try {
            path = java.net.URI.create(path).normalize().getRawPath().replaceAll("(.)/+$", "$1");
        } catch (IllegalArgumentException unparsable) {
            assertThat(response.status()).as(request).isGreaterThanOrEqualTo(400);
            assertThat(response.decodedBody()).as(request).contains("\"error\":{\"code\":");
            return;
        }
        java.net.http.HttpHeaders headers = java.net.http.HttpHeaders.of(
                response.headers().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        java.util.Map.Entry::getKey, entry -> List.of(entry.getValue()))), (name, value) -> true);
        Spec.get().check(new Spec.Exchange(com.atlassian.oai.validator.model.Request.Method.valueOf(methodAndPath[0]),
                path, java.net.http.HttpHeaders.of(java.util.Map.of(), (name, value) -> true), new byte[0],
                response.status(), headers, response.decodedBody().getBytes(StandardCharsets.UTF_8)), false);
    }

    /** Whether the segment names that id: decoded, without a path parameter (";x", which URLs allow). */
    private static boolean decodesTo(String segment, String id) {
        int parameter = segment.indexOf(';');
        String name = parameter < 0 ? segment : segment.substring(0, parameter);
        try {
            return java.net.URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8).equals(id);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    @Provide
    Arbitrary<String> hostileSegments() {
        Arbitrary<String> crafted = Arbitraries.of("", ".", "..", "%2e%2e", "%2F", "a%2Fb", "a/b", "%00", "%", "%zz", "%25",
                "a%20b", "a+b", "a;b", ";x=1", "?", "%3F", "#", "%23", "\\", "%5C", "%C3%A9", "%E2%82", "~", "*", "victim-call",
                "victim%2Dcall", "VICTIM-CALL", "victim-call%00", "victim-call%20", "victim-call;x", "%76ictim-call",
                "x%2F..%2Fvictim-call", "..%2Fvictim-call", "victim", "VICTIM", "victim%00", "victim%20", "%76ictim", "victim;x",
                "x".repeat(129), "x".repeat(5000));
        Arbitrary<String> random = Arbitraries.strings().withChars("abc./%;?#2Fe5C+-_~").ofMinLength(0).ofMaxLength(12);
        return Arbitraries.oneOf(crafted, random, ids());
    }

    private static Arbitrary<String> ids() {
        return GroupBodies.ids(false).map(id -> URLEncoder.encode(id, StandardCharsets.UTF_8));
    }
}
