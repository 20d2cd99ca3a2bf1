package dev.audiorouting.server.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** An array the contract declares {@code uniqueItems} holds the same item twice. */
public final class DuplicateItemException extends MismatchedInputException {
    private final transient Object item;

    DuplicateItemException(JsonParser parser, Object item, Class<?> setType) {
        super(parser, "Duplicate item '" + item + "' in an array of unique items", setType);
        this.item = item;
    }

    public Object item() {
        return item;
    }
}
