package io.dbferry.transfer.pgcopy;

import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.postgres.CatalogTable;
import java.util.Objects;

/**
 * One table to copy: the source table as the schema model reads it, its exact catalog definition, and the
 * target table.
 *
 * @param source the source table (keys, foreign keys), never null
 * @param definition the exact definition (types, generation, constraints, indexes), never null
 * @param target the target table's qualified name, never null
 */
record CopyTable(Table source, CatalogTable definition, TableId target) {

    CopyTable {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(target, "target");
    }
}
