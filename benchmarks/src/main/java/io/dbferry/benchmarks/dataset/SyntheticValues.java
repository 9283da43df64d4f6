package io.dbferry.benchmarks.dataset;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Realistic column values drawn from one seeded {@link SplittableRandom}: the same seed and the same sequence
 * of calls give the same values on every JVM ({@code SplittableRandom}'s algorithm is specified). Text mixes
 * ASCII with accented letters, CJK and an emoji, and some values carry a tab, a newline, a backslash or a
 * double quote, so encoders pay for escaping as they would on real data. Not thread-safe.
 */
final class SyntheticValues {

    /** 2019-01-01T00:00:00Z: the first timestamp of the dataset. */
    static final long FIRST_EPOCH_SECOND = 1_546_300_800L;
    /** Six years of seconds: timestamps fall in [2019, 2025). */
    static final long SPAN_SECONDS = 6L * 365 * 86_400;

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS", Locale.ROOT);
    private static final List<String> FIRST_NAMES = List.of("Ada", "Grace", "Linus", "Margaret", "José",
            "Zoë", "Björn", "Amélie", "Hiro", "Chiara", "Olu", "Priya", "Sven", "Noor", "Mateo", "Yuki");
    private static final List<String> LAST_NAMES = List.of("Lovelace", "Hopper", "Torvalds", "Hamilton",
            "García", "Müller", "Ødegaard", "Dubois", "Tanaka", "Rossi", "Adeyemi", "Sharma", "Nilsson",
            "Haddad", "Fernández", "佐藤");
    private static final List<String> COUNTRIES = List.of("US", "DE", "FR", "JP", "BR", "IN", "NG", "SE");
    private static final List<String> SKU_PREFIXES = List.of("A", "B", "C", "K", "X");
    private static final List<String> TAGS = List.of("red", "blue", "xl", "sale", "eco", "new", "bulk");
    private static final List<String> NOTES = List.of("Leave at the front door", "Call before delivery",
            "Livraison après 18 h — merci", "Bitte beim Nachbarn abgeben", "配達前に電話してください",
            "Gift wrap\tred ribbon", "Line one\nline two", "Ref C:\\orders\\archive", "Fragile 📦",
            "\"Rush\" order, ship today");

    private final SplittableRandom random;

    SyntheticValues(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A random (version 4) UUID in its 36-character lower-case text form. */
    String uuid() {
        long most = random.nextLong() & ~0xF000L | 0x4000L;
        long least = random.nextLong() & ~(0xC000L << 48) | 0x8000L << 48;
        return new UUID(most, least).toString();
    }

    /** True with the given probability. */
    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A uniform long in {@code [from, to)}. */
    long between(long from, long to) {
        return random.nextLong(from, to);
    }

    /** A first and last name. */
    String name() {
        return pick(FIRST_NAMES) + " " + pick(LAST_NAMES);
    }

    /** An ISO country code. */
    String country() {
        return pick(COUNTRIES);
    }

    /** An amount of money with two decimals, 1.00 to 50,000.00, as text: SQLite's NUMERIC affinity stores it. */
    String amount() {
        return BigDecimal.valueOf(random.nextLong(100, 5_000_000), 2).toPlainString();
    }

    /** A weight in kilograms with a full double's digits, below 50. */
    double weightKg() {
        return random.nextDouble() * 50;
    }

    /** A small JSON object such as {@code {"sku":"A04217","qty":3,"gift":false,"tags":["eco"]}}. */
    String attributesJson() {
        StringBuilder json = new StringBuilder(64).append("{\"sku\":\"")
                .append(pick(SKU_PREFIXES)).append(String.format(Locale.ROOT, "%05d", random.nextInt(100_000)))
                .append("\",\"qty\":").append(random.nextInt(1, 10))
                .append(",\"gift\":").append(random.nextInt(10) == 0)
                .append(",\"tags\":[");
        int tags = random.nextInt(3);
        for (int i = 0; i < tags; i++) {
            json.append(i > 0 ? ",\"" : "\"").append(pick(TAGS)).append('"');
        }
        return json.append("]}").toString();
    }

    /** A delivery note with a number, e.g. {@code "Call before delivery #4711"}. */
    String note() {
        return pick(NOTES) + " #" + random.nextInt(10_000);
    }

    /** 16 random bytes, like a content hash or a token. */
    byte[] checksum() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }

    /**
     * A UTC timestamp as SQLite's date functions and most ORMs write it, with milliseconds:
     * {@code 2023-04-05 12:34:56.789}.
     *
     * @param epochSecond seconds since 1970-01-01T00:00Z
     * @param millis 0 to 999
     * @return never null
     */
    static String isoTimestamp(long epochSecond, int millis) {
        return ISO_MILLIS.format(LocalDateTime.ofEpochSecond(epochSecond, millis * 1_000_000, ZoneOffset.UTC));
    }

    /** A millisecond part, 0 to 999. */
    int millis() {
        return random.nextInt(1_000);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
