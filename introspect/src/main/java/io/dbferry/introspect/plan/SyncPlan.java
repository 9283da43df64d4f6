package io.dbferry.introspect.plan;

import io.dbferry.introspect.mapping.UntranslatableObject;
import io.dbferry.introspect.plan.SyncStep.AddCheck;
import io.dbferry.introspect.plan.SyncStep.AddColumn;
import io.dbferry.introspect.plan.SyncStep.AddForeignKey;
import io.dbferry.introspect.plan.SyncStep.AddPrimaryKey;
import io.dbferry.introspect.plan.SyncStep.AddUniqueKey;
import io.dbferry.introspect.plan.SyncStep.AlterColumnType;
import io.dbferry.introspect.plan.SyncStep.AlterNullability;
import io.dbferry.introspect.plan.SyncStep.CreateIndex;
import io.dbferry.introspect.plan.SyncStep.CreateSchema;
import io.dbferry.introspect.plan.SyncStep.CreateTable;
import io.dbferry.introspect.plan.SyncStep.CreateView;
import io.dbferry.introspect.plan.SyncStep.DropColumn;
import io.dbferry.introspect.plan.SyncStep.DropConstraint;
import io.dbferry.introspect.plan.SyncStep.DropIndex;
import io.dbferry.introspect.plan.SyncStep.LoadData;
import io.dbferry.introspect.plan.SyncStep.RestartIdentity;
import io.dbferry.introspect.plan.SyncStep.SetDefault;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The sync plan: the ordered DDL steps that make the target schema match the mapped source, phase by phase
 * ({@link SyncPhase}), and the objects left out because they cannot be translated. Built by {@link SyncPlanner};
 * {@link #render(boolean)} gives the SQL script {@code dbferry plan} prints, {@link #statements(SyncPhase, boolean)}
 * what a caller runs before and after loading the data. Immutable and thread-safe.
 *
 * @param targetSchema the target schema, never null
 * @param steps the steps in phase order, never null
 * @param untranslatable the objects not carried over, with their original SQL and reason; never null
 */
public record SyncPlan(String targetSchema, List<SyncStep> steps, List<UntranslatableObject> untranslatable) {

    private static final PostgresDdl CREATE = new PostgresDdl();
    private static final PostgresAlterDdl ALTER = new PostgresAlterDdl();

    /** Copies the lists and checks the steps are in phase order. */
    public SyncPlan {
        Objects.requireNonNull(targetSchema, "targetSchema");
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        untranslatable = List.copyOf(Objects.requireNonNull(untranslatable, "untranslatable"));
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).phase().compareTo(steps.get(i - 1).phase()) < 0) {
                throw new IllegalArgumentException("step " + steps.get(i) + " of phase " + steps.get(i).phase()
                        + " comes after a step of phase " + steps.get(i - 1).phase());
            }
        }
    }

    /**
     * The steps of one phase, in order.
     *
     * @param phase the phase, never null
     * @return never null, possibly empty
     */
    public List<SyncStep> steps(SyncPhase phase) {
        return steps.stream().filter(s -> s.phase() == phase).toList();
    }

    /**
     * Whether any step may lose data or drop a rule the target enforces.
     *
     * @return true when {@link #statements} leaves something out unless destructive steps are allowed
     */
    public boolean hasDestructiveSteps() {
        return steps.stream().anyMatch(SyncStep::destructive);
    }

    /**
     * The SQL statements of one phase to run, in order, without a trailing semicolon; none for
     * {@link SyncPhase#DATA}.
     *
     * @param phase the phase, never null
     * @param allowDestructive whether destructive steps are included ({@code --allow-destructive}; default false)
     * @return never null, possibly empty
     */
    public List<String> statements(SyncPhase phase, boolean allowDestructive) {
        return steps(phase).stream().filter(s -> !(s instanceof LoadData))
                .filter(s -> allowDestructive || !s.destructive()).map(SyncPlan::sql).toList();
    }

    /**
     * The plan as a SQL script: each phase under a comment, each statement ending in {@code ;}, the data phase as a
     * comment naming the tables, destructive statements commented out unless allowed, and the objects not carried
     * over as comments at the end with their SQL and reason.
     *
     * @param allowDestructive whether destructive statements are left active
     * @return never null; ends with a line break
     */
    public String render(boolean allowDestructive) {
        StringBuilder script = new StringBuilder("-- dbferry sync plan for schema \"" + targetSchema + "\"\n");
        for (SyncPhase phase : SyncPhase.values()) {
            List<SyncStep> inPhase = steps(phase);
            if (inPhase.isEmpty()) {
                continue;
            }
            script.append("\n-- ").append(phase.ordinal() + 1).append(". ").append(phase.title()).append('\n');
            for (SyncStep step : inPhase) {
                script.append(rendered(step, allowDestructive));
            }
        }
        if (!untranslatable.isEmpty()) {
            script.append("\n-- not carried over (").append(untranslatable.size()).append("):\n");
            untranslatable.forEach(u -> script.append(comment(u.describe())));
        }
        return script.toString();
    }

    /**
     * The plan as a SQL script with destructive statements commented out, as {@code dbferry plan} prints it without
     * {@code --allow-destructive}.
     *
     * @return never null
     */
    public String render() {
        return render(false);
    }

    private static String rendered(SyncStep step, boolean allowDestructive) {
        if (step instanceof LoadData load) {
            return comment(load.tables().isEmpty() ? "no tables" : load.tables().stream().map(Object::toString)
                    .collect(Collectors.joining(", ")));
        }
        String statement = sql(step) + ";\n";
        if (!step.destructive() || allowDestructive) {
            return statement;
        }
        return "-- destructive, left out; run with --allow-destructive:\n" + comment(statement.strip());
    }

    private static String comment(String text) {
        return text.lines().map(l -> "-- " + l + "\n").collect(Collectors.joining());
    }

    /**
     * The SQL statement of one step, without a trailing semicolon.
     *
     * @param step the step, never null
     * @return never null; an empty string for {@link LoadData}, which has no SQL
     */
    public static String sql(SyncStep step) {
        return switch (step) {
            case CreateSchema s -> CREATE.createSchemaIfNotExists(s.schema());
            case CreateTable s -> CREATE.createTable(s.table());
            case AddColumn s -> ALTER.addColumn(s.table(), s.column());
            case AlterColumnType s -> ALTER.alterColumnType(s.table(), s.column(), s.to(), s.destructive());
            case AlterNullability s -> ALTER.alterNullability(s.table(), s.column(), s.notNull());
            case SetDefault s -> ALTER.setDefault(s.table(), s.column(), s.defaultSql());
            case DropColumn s -> ALTER.dropColumn(s.table(), s.column());
            case DropConstraint s -> ALTER.dropConstraint(s.table(), s.constraint());
            case DropIndex s -> ALTER.dropIndex(s.schema(), s.index());
            case LoadData s -> "";
            case AddPrimaryKey s -> CREATE.addPrimaryKey(s.table(), s.key());
            case AddUniqueKey s -> CREATE.addUnique(s.table(), s.key());
            case AddCheck s -> CREATE.addCheck(s.table(), s.check());
            case CreateIndex s -> CREATE.createIndex(s.table(), s.index());
            case AddForeignKey s -> CREATE.addForeignKey(s.table(), s.key());
            case CreateView s -> CREATE.createView(s.view());
            case RestartIdentity s -> CREATE.restartIdentity(s.table(), s.column());
        };
    }
}
