package dev.audiorouting.server.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.audiorouting.server.json.DuplicateItemException;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpException;

/**
 * A body that is not valid JSON, or not the shape of the schema: 400 {@code invalidRequest} naming the
 * offending field in the contract's terms (never a Java type or a Jackson setting).
 */
public final class JsonProcessingExceptionMapper extends GraphExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        if (e.getCause() instanceof HttpException jetty) {
            // Jetty refused the body while Jackson was reading it; Jackson wrapped that with the field's path.
            return refusedByJetty(jetty);
        }
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping.getPath()) : "body";
        return error(400, "invalidRequest", field + ": " + describe(e), field).build();
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "the JSON is nested too deeply or a value is too long";
        }
        // Broken JSON inside a value arrives wrapped, with the path of the field it broke.
        JsonProcessingException syntax = e.getCause() instanceof StreamReadException cause ? cause : e;
        if (syntax instanceof StreamReadException) {
            return "not valid JSON: " + firstClause(syntax.getOriginalMessage()) + where(syntax.getLocation());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown property; the properties are " + names(unknown.getKnownPropertyIds());
        }
        if (e instanceof DuplicateItemException duplicate) {
            return "'" + duplicate.item() + "' appears more than once";
        }
        if (e instanceof InvalidNullException) {
            return "cannot be null; leave it out or give it a value";
        }
        if (e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Trailing token")) {
            return "unexpected content after the JSON object";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "must be " + expected(invalid.getTargetType()) + ", not '" + invalid.getValue() + "'";
        }
        if (e instanceof MismatchedInputException mismatch) {
            return "must be " + expected(mismatch.getTargetType());
        }
        if (e instanceof ValueInstantiationException invalid) {
            return "must be " + expected(invalid.getType().getRawClass());
        }
        return "invalid value";
    }

    /** Jackson's messages go on to name its own settings ("enable JsonReadFeature..."): keep what went wrong. */
    private static String firstClause(String message) {
        return message.split(": ", 2)[0];
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "a JSON object";
    }

    private static String pathOf(List<JsonMappingException.Reference> path) {
        if (path.isEmpty()) {
            return "body";
        }
        StringBuilder text = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                text.append(text.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                text.append('[').append(step.getIndex()).append(']');
            }
        }
        return text.toString();
    }

    private static String names(Collection<Object> known) {
        return known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
