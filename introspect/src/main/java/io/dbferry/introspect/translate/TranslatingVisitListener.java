package io.dbferry.introspect.translate;

import io.dbferry.introspect.model.ColumnType;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.translate.ExpressionScope.ScopeColumn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Param;
import org.jooq.QueryPart;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.VisitContext;
import org.jooq.VisitListener;
import org.jooq.impl.DSL;
import org.jooq.impl.QOM;

/**
 * Rewrites a parsed SQLite expression while jOOQ renders it for PostgreSQL: each query part is offered to
 * {@link #visitStart} before it is rendered and replaced when a rule applies (see
 * {@link SqliteToPostgresTranslator} for the rules and their sources). What no rule can translate is collected in
 * {@link #problems()}; the rendering then goes on, so that every problem of an expression is found in one pass.
 *
 * <p>One instance renders one expression. Not thread-safe.
 */
final class TranslatingVisitListener implements VisitListener {

    /** The class jOOQ's parser gives a function it does not know ({@code parseUnknownFunctions = IGNORE}). */
    private static final Class<?> UNKNOWN_FUNCTION = DSL.function("f", Object.class).getClass();
    /** The class of a plain table reference, not a join, alias, derived table or common table expression. */
    private static final Class<?> TABLE_REFERENCE = DSL.table(DSL.name("t")).getClass();

    private final ExpressionScope scope;
    private final Function<ColumnType, DataType<?>> castTypes;
    private final List<String> problems = new ArrayList<>();
    private final Set<QueryPart> produced = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * Creates a listener for one expression.
     *
     * @param scope what the expression may name, never null
     * @param castTypes the PostgreSQL type a SQLite type name in {@code CAST} becomes, never null
     */
    TranslatingVisitListener(ExpressionScope scope, Function<ColumnType, DataType<?>> castTypes) {
        this.scope = scope;
        this.castTypes = castTypes;
    }

    /**
     * The problems found, in rendering order.
     *
     * @return never null, empty when everything was translated
     */
    List<String> problems() {
        return problems;
    }

    /**
     * Marks a query part as already translated, so that it is rendered as it is.
     *
     * @param part never null
     * @param <Q> its type
     * @return the part
     */
    <Q extends QueryPart> Q produced(Q part) {
        produced.add(part);
        return part;
    }

    @Override
    public void visitStart(VisitContext context) {
        QueryPart part = context.queryPart();
        if (part == null || produced.contains(part)) {
            return;
        }
        try {
            QueryPart replacement = rewrite(part, context);
            if (replacement != null) {
                context.queryPart(produced(replacement));
            }
        } catch (NotTranslatable e) {
            problems.add(e.getMessage());
            context.queryPart(produced(DSL.inline((Object) null)));
        }
    }

    /** The replacement of a part, or null when it is rendered as jOOQ renders it. */
    private QueryPart rewrite(QueryPart part, VisitContext context) {
        // jOOQ renders some functions it knows through the same class, with a SYSTEM name (e.g. substring, mod).
        if (part.getClass() == UNKNOWN_FUNCTION
                && ((Field<?>) part).getQualifiedName().quoted() != Name.Quoted.SYSTEM) {
            return SqliteFunctions.translate(((Field<?>) part).getName(), ((QOM.Function<?>) part).$args());
        }
        if (part instanceof TableField<?, ?> field) {
            return column(field);
        }
        if (part.getClass() == TABLE_REFERENCE && !(parent(context) instanceof TableField<?, ?>)) {
            return relation((Table<?>) part);
        }
        return switch (part) {
            case QOM.CurrentTimestamp<?> ignored -> SqliteTimeFunction.current(SqliteTimeFunction.Result.DATETIME).value();
            case QOM.CurrentDate<?> ignored -> SqliteTimeFunction.current(SqliteTimeFunction.Result.DATE).value();
            case QOM.CurrentTime<?> ignored -> SqliteTimeFunction.current(SqliteTimeFunction.Result.TIME).value();
            case QOM.Like like -> like.$escape() == null ? like.$value().likeIgnoreCase(like.$pattern())
                    : like.$value().likeIgnoreCase(like.$pattern(), like.$escape());
            case QOM.NotLike like -> like.$escape() == null ? like.$value().notLikeIgnoreCase(like.$pattern())
                    : like.$value().notLikeIgnoreCase(like.$pattern(), like.$escape());
            case QOM.SimilarTo glob -> glob(glob.$value(), glob.$pattern(), "~");
            case QOM.NotSimilarTo glob -> glob(glob.$value(), glob.$pattern(), "!~");
            case QOM.Cast<?> cast -> DSL.cast(cast.$field(), castType(cast.$dataType()));
            case QOM.Collated collated -> collated(collated);
            case QOM.FieldCondition condition -> truth(condition.$field());
            case QOM.Eq<?> eq -> booleanComparison(eq.$arg1(), eq.$arg2(), "=");
            case QOM.Ne<?> ne -> booleanComparison(ne.$arg1(), ne.$arg2(), "<>");
            case QOM.InList<?> in -> booleanIn(in.$field(), in.$list(), false);
            case QOM.NotInList<?> in -> booleanIn(in.$field(), in.$list(), true);
            case QOM.Rand ignored -> throw new NotTranslatable("random() returns a 64-bit integer in SQLite but a "
                    + "fraction between 0 and 1 in PostgreSQL");
            case QOM.ToHex ignored -> throw new NotTranslatable("hex() encodes text and blobs in SQLite, but "
                    + "PostgreSQL's to_hex() takes only integers");
            case QOM.JSONGetAttribute ignored -> throw json();
            case QOM.JSONGetAttributeAsText ignored -> throw json();
            case QOM.JSONBGetAttribute ignored -> throw json();
            case QOM.JSONBGetAttributeAsText ignored -> throw json();
            default -> null;
        };
    }

    private static QueryPart parent(VisitContext context) {
        QueryPart[] parts = context.queryParts();
        return parts.length < 2 ? null : parts[parts.length - 2];
    }

    /**
     * A column reference: a double-quoted name that is no column becomes a string literal where SQLite reads it
     * so (quirks.html §8); otherwise the name gets its declared spelling and target name, and a qualifier naming
     * a relation the relation's target name.
     */
    private QueryPart column(TableField<?, ?> field) {
        Name name = field.getQualifiedName();
        String column = field.getName();
        ScopeColumn target = scope.column(column);
        if (target == null && name.parts().length == 1 && (scope.namesAreStrings()
                || name.quoted() == Name.Quoted.QUOTED && scope.isString(column))) {
            return DSL.inline(column);
        }
        String[] parts = Arrays.stream(name.parts()).map(Name::last).toArray(String[]::new);
        for (int i = 0; i < parts.length - 1; i++) {
            TableId relation = scope.relation(parts[i]);
            parts[i] = relation == null ? parts[i] : relation.name();
        }
        parts[parts.length - 1] = target == null ? column : target.targetName();
        return DSL.field(DSL.name(parts));
    }

    /** A table or view the query reads, qualified with its target schema; other names are kept. */
    private QueryPart relation(Table<?> table) {
        String[] parts = Arrays.stream(table.getQualifiedName().parts()).map(Name::last).toArray(String[]::new);
        boolean sqliteSchema = parts.length == 1 || parts.length == 2 && parts[0].equalsIgnoreCase("main");
        TableId target = sqliteSchema ? scope.relation(parts[parts.length - 1]) : null;
        return target == null ? null : DSL.table(DSL.name(target.schema(), target.name()));
    }

    private static Condition glob(Field<?> value, Field<String> pattern, String operator) {
        if (pattern instanceof Param<?> p && p.getValue() instanceof String glob) {
            return DSL.condition("{0} " + operator + " {1}", value, DSL.inline(GlobPattern.toRegex(glob)));
        }
        throw new NotTranslatable("GLOB is translated to a regular expression match only when its pattern is a "
                + "string literal");
    }

    private DataType<?> castType(DataType<?> parsed) {
        return castTypes.apply(new ColumnType(parsed.getTypeName(), Math.max(0, parsed.length()),
                Math.max(0, parsed.precision()), Math.max(0, parsed.scale())));
    }

    private static QueryPart collated(QOM.Collated collated) {
        String collation = collated.$collation().getName();
        if (collation.equalsIgnoreCase("BINARY")) {
            return collated.$field(); // SQLite's default: byte-wise, as PostgreSQL's "C"; nothing to say
        }
        throw new NotTranslatable("COLLATE " + collation + " has no PostgreSQL collation; compare lower() of both "
                + "sides for NOCASE");
    }

    /** A bare value used as a condition: SQLite takes any non-zero number as true (lang_expr.html §13). */
    private QueryPart truth(Field<?> field) {
        if (!(field instanceof TableField<?, ?>)) {
            return DSL.condition("{0} <> 0", field);
        }
        ValueKind kind = kindOf(field);
        if (kind == ValueKind.BOOLEAN) {
            return null;
        }
        if (kind == ValueKind.INTEGER || kind == ValueKind.NUMBER) {
            return DSL.condition("{0} <> 0", field);
        }
        throw new NotTranslatable(field + " is used as a condition; only a boolean or number column can be one");
    }

    /** {@code flag = 1} on a column that became boolean: SQLite has no booleans, only 0 and 1 (datatype3.html §2.1). */
    private QueryPart booleanComparison(Field<?> left, Field<?> right, String operator) {
        if (kindOf(left) == ValueKind.BOOLEAN && bit(right) != null) {
            return DSL.condition("{0} " + operator + " {1}", left, DSL.inline(bit(right)));
        }
        if (kindOf(right) == ValueKind.BOOLEAN && bit(left) != null) {
            return DSL.condition("{0} " + operator + " {1}", DSL.inline(bit(left)), right);
        }
        return null;
    }

    private QueryPart booleanIn(Field<?> field, List<? extends Field<?>> list, boolean not) {
        if (kindOf(field) != ValueKind.BOOLEAN || list.stream().anyMatch(f -> bit(f) == null)) {
            return null;
        }
        List<Field<Boolean>> values = list.stream().<Field<Boolean>>map(f -> DSL.inline(bit(f))).toList();
        @SuppressWarnings("unchecked")
        Field<Boolean> column = (Field<Boolean>) field;
        return not ? column.notIn(values) : column.in(values);
    }

    /** The boolean a literal 0 or 1 (or TRUE/FALSE) stands for, or null. */
    static Boolean bit(Field<?> field) {
        if (field instanceof Param<?> p) {
            if (p.getValue() instanceof Boolean b) {
                return b;
            }
            if (p.getValue() instanceof Number n) {
                BigDecimal value = new BigDecimal(n.toString());
                return value.compareTo(BigDecimal.ZERO) == 0 ? Boolean.FALSE
                        : value.compareTo(BigDecimal.ONE) == 0 ? Boolean.TRUE : null;
            }
        }
        return null;
    }

    private ValueKind kindOf(Field<?> field) {
        if (field instanceof TableField<?, ?>) {
            ScopeColumn column = scope.column(field.getName());
            return column == null ? ValueKind.OTHER : column.kind();
        }
        return ValueKind.OTHER;
    }

    private static NotTranslatable json() {
        return new NotTranslatable("SQLite's -> and ->> take JSON paths such as '$.a'; PostgreSQL's take keys");
    }

    @Override
    public void visitEnd(VisitContext context) {}

    @Override
    public void clauseStart(VisitContext context) {}

    @Override
    public void clauseEnd(VisitContext context) {}
}
