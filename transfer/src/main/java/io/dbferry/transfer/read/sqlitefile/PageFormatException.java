package io.dbferry.transfer.read.sqlitefile;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;

/**
 * A page or record of a SQLite file is not as the file format describes it, or is of a kind this package does not
 * read (an index b-tree, a reserved serial type, a newer file format). A caller that can read the same rows
 * through SQLite does so; SQLite then reports real corruption in its own words.
 */
public final class PageFormatException extends DbferryException {

    private static final long serialVersionUID = 1L;

    /**
     * Makes the exception, with {@link ErrorCode#SOURCE_PAGE_UNREADABLE}.
     *
     * @param message what was found where, e.g. {@code "/data/app.db, page 7: cell 3 starts at byte 9, outside the
     *     page's cell content area (bytes 18 to 4096)"}; never null
     */
    public PageFormatException(String message) {
        super(ErrorCode.SOURCE_PAGE_UNREADABLE, message);
    }
}
