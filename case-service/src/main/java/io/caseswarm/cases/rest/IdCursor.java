package io.caseswarm.cases.rest;

import io.caseswarm.platform.rest.Cursor;
import io.caseswarm.platform.rest.InvalidFieldException;

/** The cursor of a list paged by id: the last id shown. */
final class IdCursor {

    private IdCursor() {
    }

    /**
     * The id {@code cursor} names (null without one); any text decodes, so one that does not match
     * {@code idPattern} is not one of ours: 400 naming {@code cursor}.
     */
    static String afterId(String cursor, String idPattern) {
        if (cursor == null) {
            return null;
        }
        String id = Cursor.decode(cursor, 1).get(0);
        if (!id.matches(idPattern)) {
            throw new InvalidFieldException("cursor", "not a cursor this list gave out; start again without one");
        }
        return id;
    }
}
