package io.dbferry.introspect.plan;

import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.MappedView;
import io.dbferry.introspect.mapping.TargetType;
import io.dbferry.introspect.model.CheckConstraint;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.PrimaryKey;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.model.UniqueKey;
import java.util.List;
import java.util.Objects;

/**
 * One step of a {@link SyncPlan}: a DDL statement (rendered by {@link SyncPlan#sql(SyncStep)}), or the
 * {@link LoadData} marker where {@code migrate} loads the rows. A destructive step may lose data or drop a rule the
 * target enforces; a plan leaves it out of what it runs unless the caller allows it ({@code --allow-destructive}).
 */
public sealed interface SyncStep {

    /**
     * The phase the step belongs to.
     *
     * @return never null
     */
    SyncPhase phase();

    /**
     * Whether the step may lose data or drop a rule the target enforces (drop a column or constraint, narrow a type).
     *
     * @return false unless the step says otherwise
     */
    default boolean destructive() {
        return false;
    }

    /**
     * {@code CREATE SCHEMA IF NOT EXISTS}.
     *
     * @param schema the target schema, never null
     */
    record CreateSchema(String schema) implements SyncStep {
        /** Validates the part. */
        public CreateSchema {
            Objects.requireNonNull(schema, "schema");
        }

        @Override
        public SyncPhase phase() {
            return SyncPhase.TABLES;
        }
    }

    /**
     * {@code CREATE TABLE} with columns, NOT NULL, defaults and identity.
     *
     * @param table the mapped table, never null
     */
    record CreateTable(MappedTable table) implements SyncStep {
        /** Validates the part. */
        public CreateTable {
            Objects.requireNonNull(table, "table");
        }

        @Override
        public SyncPhase phase() {
            return SyncPhase.TABLES;
        }
    }

    /**
     * {@code ALTER TABLE … ADD COLUMN}.
     *
     * @param table the existing table, never null
     * @param column the mapped column it lacks, never null
     */
    record AddColumn(TableId table, MappedColumn column) implements SyncStep {
        /** Validates the parts. */
        public AddColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }

        @Override
        public SyncPhase phase() {
            return SyncPhase.TABLES;
        }
    }

    /**
     * {@code ALTER TABLE … ALTER COLUMN … TYPE}: widening when the new type holds every value of the old one,
     * otherwise destructive (values that do not fit make it fail, or are converted).
     *
     * @param table the existing table, never null
     * @param column the column's name, never null
     * @param from the column's current type as PostgreSQL names it, never null
     * @param to the mapped type, never null
     * @param destructive whether the old type has values the new one cannot hold (or is a type dbferry does not know)
     */
    record AlterColumnType(TableId table, String column, String from, TargetType to, boolean destructive)
            implements SyncStep {
        /** Validates the parts. */
        public AlterColumnType {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public SyncPhase phase() {
            return SyncPhase.TABLES;
        }
    }

    /**
     * {@code ALTER TABLE … ALTER COLUMN … SET NOT NULL} (fails if the column holds NULLs) or {@code DROP NOT NULL}
     * (destructive: the rule is gone).
     *
     * @param table the existing table, never null
     * @param column the column's name, never null
     * @param notNull true to set NOT NULL, false to drop it
     */
    record AlterNullability(TableId table, String column, boolean notNull) implements SyncStep {
        /** Validates the parts. */
        public AlterNullability {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }

        @Override
        public SyncPhase phase() {
            return SyncPhase.TABLES;
        }

        @Override
        public boolean destructive() {
            return !notNull;
        }
    }

    /**
     * {@code ALTER TABLE … ALTER COLUMN … SET DEFAULT}.
     *
     * @param table the existing table, never null
     * @param column the column's name, never null
     * @param defaultSql the PostgreSQL default, never null
     */
    record SetDefault(TableId table, String column, String defaultSql) implements SyncStep {
        /** Validates the parts. */
        public SetDefault {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(defaultSql, "defaultSql");
        }

        @Override
        public SyncPhase phase() {
            return SyncPhase.TABLES;
        }
    }

    /**
     * {@code ALTER TABLE … DROP COLUMN} of a column the source does not have: destructive.
     *
     * @param table the existing table, never null
     * @param column the column's name, never null
     */
    record DropColumn(TableId table, String column) implements SyncStep {
        /** Validates the parts. */
        public DropColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }

        @Override
        public SyncPhase phase() {
            return SyncPhase.TABLES;
        }

        @Override
        public boolean destructive() {
            return true;
        }
    }

    /**
     * {@code ALTER TABLE … DROP CONSTRAINT} of a key, CHECK or foreign key the source does not have: destructive.
     * It runs before the data, so a rule the source does not keep does not refuse its rows.
     *
     * @param table the existing table, never null
     * @param constraint the constraint's name, never null
     */
    record DropConstraint(TableId table, String constraint) implements SyncStep {
        /** Validates the parts. */
        public DropConstraint {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(constraint, "constraint");
        }

        @Override
        public SyncPhase phase() {
            return SyncPhase.TABLES;
        }

        @Override
        public boolean destructive() {
            return true;
        }
    }

    /**
     * {@code DROP INDEX} of an index the source does not have: destructive (queries may rely on it).
     *
     * @param schema the index's schema, never null
     * @param index the index's name, never null
     */
    record DropIndex(String schema, String index) implements SyncStep {
        /** Validates the parts. */
        public DropIndex {
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(index, "index");
        }

        @Override
        public SyncPhase phase() {
            return SyncPhase.TABLES;
        }

        @Override
        public boolean destructive() {
            return true;
        }
    }

    /**
     * Where {@code migrate} loads the rows of these tables; no SQL.
     *
     * @param tables the target tables, never null
     */
    record LoadData(List<TableId> tables) implements SyncStep {
        /** Copies the list. */
        public LoadData {
            tables = List.copyOf(Objects.requireNonNull(tables, "tables"));
        }

        @Override
        public SyncPhase phase() {
            return SyncPhase.DATA;
        }
    }

    /**
     * {@code ALTER TABLE … ADD CONSTRAINT … PRIMARY KEY}.
     *
     * @param table the table, never null
     * @param key the named key in target names, never null
     */
    record AddPrimaryKey(TableId table, PrimaryKey key) implements SyncStep {
        /** Validates the parts. */
        public AddPrimaryKey {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(key, "key");
        }

        @Override
        public SyncPhase phase() {
            return SyncPhase.KEYS_AND_INDEXES;
        }
    }

    /**
     * {@code ALTER TABLE … ADD CONSTRAINT … UNIQUE}.
     *
     * @param table the table, never null
     * @param key the named key in target names, never null
     */
    record AddUniqueKey(TableId table, UniqueKey key) implements SyncStep {
        /** Validates the parts. */
        public AddUniqueKey {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(key, "key");
        }

        @Override
        public SyncPhase phase() {
            return SyncPhase.KEYS_AND_INDEXES;
        }
    }

    /**
     * {@code ALTER TABLE … ADD CONSTRAINT … CHECK}.
     *
     * @param table the table, never null
     * @param check the named constraint with its PostgreSQL expression, never null
     */
    record AddCheck(TableId table, CheckConstraint check) implements SyncStep {
        /** Validates the parts. */
        public AddCheck {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(check, "check");
        }

        @Override
        public SyncPhase phase() {
            return SyncPhase.KEYS_AND_INDEXES;
        }
    }

    /**
     * {@code CREATE INDEX}, possibly unique, partial or on expressions.
     *
     * @param table the table, never null
     * @param index the index in target names with PostgreSQL expressions, never null
     */
    record CreateIndex(TableId table, Index index) implements SyncStep {
        /** Validates the parts. */
        public CreateIndex {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(index, "index");
        }

        @Override
        public SyncPhase phase() {
            return SyncPhase.KEYS_AND_INDEXES;
        }
    }

    /**
     * {@code ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY}.
     *
     * @param table the referencing table, never null
     * @param key the named key in target names, never null
     */
    record AddForeignKey(TableId table, ForeignKey key) implements SyncStep {
        /** Validates the parts. */
        public AddForeignKey {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(key, "key");
        }

        @Override
        public SyncPhase phase() {
            return SyncPhase.FOREIGN_KEYS;
        }
    }

    /**
     * {@code CREATE VIEW}.
     *
     * @param view the mapped view, never null
     */
    record CreateView(MappedView view) implements SyncStep {
        /** Validates the part. */
        public CreateView {
            Objects.requireNonNull(view, "view");
        }

        @Override
        public SyncPhase phase() {
            return SyncPhase.VIEWS;
        }
    }

    /**
     * Restarts the sequence of an identity column past the largest value loaded.
     *
     * @param table the table, never null
     * @param column the identity column's target name, never null
     */
    record RestartIdentity(TableId table, String column) implements SyncStep {
        /** Validates the parts. */
        public RestartIdentity {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }

        @Override
        public SyncPhase phase() {
            return SyncPhase.SEQUENCES;
        }
    }
}
