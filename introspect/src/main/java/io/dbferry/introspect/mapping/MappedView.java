package io.dbferry.introspect.mapping;

import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.model.View;
import java.util.Objects;

/**
 * A source view and the PostgreSQL view it becomes.
 *
 * @param source the source view, never null
 * @param target the target view's qualified name, never null
 * @param createSql the PostgreSQL {@code create view} statement, its query translated from the source's and every
 *     table and view it reads qualified with the target schema; never null
 */
public record MappedView(View source, TableId target, String createSql) {

    /** Validates the parts. */
    public MappedView {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(createSql, "createSql");
    }
}
