package dev.audiorouting.api.contract;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The breaking-change gate: compares openapi.yaml with the last released contract
 * (api/src/contract/openapi-released.yaml) and refuses an incompatible change (a removed path or property, a new
 * required field, a narrowed enum, a changed type...), unless the major number of info.version was raised,
 * which is how a break is accepted on purpose.
 *
 * <p>{@code mvn -B -q -pl api validate} runs it straight from this source file (no compile step):
 * {@code java -cp CLASSPATH ContractGate.java RELEASED CURRENT}; exit code 0 passes, 1 refuses.
 */
public final class ContractGate {
    static final String RELEASED_COPY = "api/src/contract/openapi-released.yaml";

    private ContractGate() {
    }

    /** What the gate says: pass or not, and a report for people. */
    public record Verdict(boolean passes, String report) {
    }

    public static void main(String[] args) {
        Verdict verdict = check(Path.of(args[0]), Path.of(args[1]));
        System.out.println(verdict.report());
        System.exit(verdict.passes() ? 0 : 1);
    }

    public static Verdict check(Path released, Path current) {
        ChangedOpenApi diff = OpenApiCompare.fromLocations(released.toString(), current.toString());
        String from = diff.getOldSpecOpenApi().getInfo().getVersion();
        String to = diff.getNewSpecOpenApi().getInfo().getVersion();
        if (diff.isUnchanged()) {
            return new Verdict(true, "Contract gate: no API change since the released contract " + from + ".");
        }
        String changes = render(diff);
        List<String> closedRequestBreaks = removedRequestProperties(diff);
        if (!closedRequestBreaks.isEmpty()) {
            changes = "Request properties removed from closed schemas (additionalProperties: false), so clients "
                    + "that send them would be refused:\n- " + String.join("\n- ", closedRequestBreaks) + "\n\n" + changes;
        }
        if (diff.isCompatible() && closedRequestBreaks.isEmpty()) {
            return new Verdict(true, "Contract gate: compatible changes since " + from + ":\n" + changes);
        }
        if (major(to) > major(from)) {
            return new Verdict(true, "Contract gate: breaking changes accepted by the major version " + from + " -> " + to
                    + ". Refresh " + RELEASED_COPY + " when " + to + " is released.\n" + changes);
        }
        return new Verdict(false, "Contract gate: INCOMPATIBLE changes since the released contract " + from + ".\n"
                + "Clients built against " + from + " would break. Make the change compatible, or accept the break on "
                + "purpose: raise the major number of info.version in openapi.yaml (now " + to + ").\n" + changes);
    }

    /**
     * openapi-diff counts a property removed from a request body as compatible (a client may stop sending it).
     * Our schemas refuse unknown properties, so a client that still sends it gets a 400: a break.
     */
    private static List<String> removedRequestProperties(ChangedOpenApi diff) {
        List<String> removed = new ArrayList<>();
        for (ChangedOperation operation : diff.getChangedOperations()) {
            if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
                continue;
            }
            String where = operation.getHttpMethod() + " " + operation.getPathUrl();
            operation.getRequestBody().getContent().getChanged().values()
                    .forEach(media -> collectRemoved(media.getSchema(), where, "", removed));
        }
        return removed;
    }

    private static void collectRemoved(ChangedSchema schema, String where, String path, List<String> removed) {
        if (schema == null) {
            return;
        }
        if (Boolean.FALSE.equals(schema.getOldSchema().getAdditionalProperties())) {
            schema.getMissingProperties().keySet().forEach(name -> removed.add(where + ": " + path + name));
        }
        schema.getChangedProperties().forEach((name, changed) -> collectRemoved(changed, where, path + name + ".", removed));
        collectRemoved(schema.getItems(), where, path + "[].", removed);
    }

    private static int major(String version) {
        try {
            return Integer.parseInt(version.split("\\.")[0].trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("info.version must start with a major number, not '" + version + "'", e);
        }
    }

    private static String render(ChangedOpenApi diff) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String report = bytes.toString(StandardCharsets.UTF_8);
        // openapi-diff's own verdict at the end may differ from the gate's (see removedRequestProperties).
        int result = report.indexOf("#### Result");
        return (result < 0 ? report : report.substring(0, result)).strip();
    }
}
