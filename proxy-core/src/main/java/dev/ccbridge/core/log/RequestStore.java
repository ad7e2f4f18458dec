package dev.ccbridge.core.log;

import dev.ccbridge.core.protocol.anthropic.Usage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * What outlives a restart: the recent finished requests (bodies redacted and capped) and the
 * usage totals per target per day, in an embedded SQLite file readable by the user only. Bounded
 * by a {@link Retention}: at most so many entries, nothing older than so many days. Thread-safe; each call is one
 * short transaction, so callers should still keep it off latency-sensitive threads.
 */
public final class RequestStore implements AutoCloseable {
    public static final int DEFAULT_BODY_CAP = 256 * 1024;
    private static final int CUT_MARGIN = 1024;
    private static final int SCHEMA_VERSION = 3;
    private static final String COLUMNS = """
            seq, id, started_at, target_id, target_name, api_mode, route, requested_model, upstream_model, stream,
              status, error_type, error_message, first_token_ms, duration_ms, input_tokens, output_tokens,
              cache_creation_tokens, cache_read_tokens, routed_by, outcome, reason, repeats, last_at, client,
              endpoint, cost_usd""";
    private static final int PRUNE_EVERY = 200;

    /** @param maxEntries finished requests kept; {@code days}: entries and usage older than this go */
    public record Retention(int maxEntries, int days) {
        public static final Retention DEFAULT = new Retention(5000, 90);

        public Retention {
            maxEntries = Math.max(1, maxEntries);
            days = Math.max(1, days);
        }
    }

    /**
     * Totals of one target on one day (the local calendar day the requests started).
     *
     * @param costUsd          what the priced requests cost in US dollars, or null when none was priced
     * @param unpricedRequests requests with tokens but no known price (their cost is not in {@code costUsd})
     */
    public record DailyUsage(LocalDate day, String targetId, String targetName, long requests, long errors,
                             long inputTokens, long outputTokens, long cacheCreationTokens, long cacheReadTokens,
                             Double costUsd, long unpricedRequests) {}

    /** The bodies of a stored request, as stored (redacted, capped). */
    public record Bodies(String request, String response) {}

    private final Connection connection;
    private final Redactor redactor;
    /** The statements saves run, by their text; guarded by this store, closed with it. */
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final int bodyCap;
    private final Clock clock;
    private final ZoneId zone;
    private volatile Retention retention;
    private int savesSincePrune;

    private RequestStore(Connection connection, Retention retention, Redactor redactor, int bodyCap, Clock clock,
                         ZoneId zone) {
        this.connection = connection;
        this.retention = retention;
        this.redactor = redactor;
        this.bodyCap = bodyCap;
        this.clock = clock;
        this.zone = zone;
    }

    public static RequestStore open(Path file, Retention retention) {
        return open(file, retention, Redactor.patternsOnly(), DEFAULT_BODY_CAP, Clock.systemUTC(),
                ZoneId.systemDefault());
    }

    public static RequestStore open(Path file, Retention retention, Redactor redactor, int bodyCap, Clock clock,
                                    ZoneId zone) {
        try {
            OwnerOnly.folder(file.toAbsolutePath().getParent());
            // Before SQLite opens it: its journal files (-wal, -shm) take the database file's permissions.
            OwnerOnly.file(file);
            for (String journal : new String[] {"-wal", "-shm"}) {
                Path sidecar = file.resolveSibling(file.getFileName() + journal);
                if (Files.exists(sidecar)) {
                    OwnerOnly.file(sidecar);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
        }
        try {
            var settings = new SQLiteConfig();
            settings.setGetGeneratedKeys(false); // else every insert runs a second query for keys nobody reads
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(),
                    settings.toProperties());
            var store = new RequestStore(connection, retention, redactor, bodyCap, clock, zone);
            try {
                store.createSchema();
                store.prune();
            } catch (SQLException | RuntimeException e) {
                store.close();
                throw e;
            }
            return store;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the request history " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Switches a new history to WAL. SQLite answers a busy journal-mode change at once, without
     * its busy handler, when another process is creating the same file: try again for a while.
     */
    private static void useWriteAheadLog(Statement s) throws SQLException {
        long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            try {
                s.execute("PRAGMA journal_mode=WAL");
                return;
            } catch (SQLException busy) {
                if (busy.getErrorCode() != SQLiteErrorCode.SQLITE_BUSY.code || System.nanoTime() > giveUpAt) {
                    throw busy;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        }
    }

    /**
     * Creates or upgrades the tables. The app, {@code serve} and the {@code log} commands may open
     * the history at the same moment: each waits for the others' locks, and checks and changes
     * the tables in one transaction.
     */
    private void createSchema() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout=5000");
            // A new history's page size: a stored body spans a quarter of the pages it would at 4 KB
            // (less work per save); SQLite ignores it for a file that already exists.
            s.execute("PRAGMA page_size=16384");
            useWriteAheadLog(s);
            // A log, not a ledger: after a power cut it may lack the last requests, never be corrupt.
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("BEGIN IMMEDIATE");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS requests (
                      seq INTEGER PRIMARY KEY AUTOINCREMENT,
                      id TEXT NOT NULL UNIQUE,
                      started_at INTEGER NOT NULL,
                      day TEXT NOT NULL,
                      target_id TEXT, target_name TEXT, api_mode TEXT, route TEXT,
                      requested_model TEXT, upstream_model TEXT, stream INTEGER NOT NULL,
                      status INTEGER NOT NULL, error_type TEXT, error_message TEXT,
                      first_token_ms INTEGER, duration_ms INTEGER,
                      input_tokens INTEGER, output_tokens INTEGER, cache_creation_tokens INTEGER, cache_read_tokens INTEGER,
                      request_body TEXT, response_body TEXT)""");
            addColumnIfMissing(s, "requests", "routed_by", "TEXT");
            // Version 2: requests ccbridge refused itself (outcome 'rejected'), with their reason and count.
            addColumnIfMissing(s, "requests", "outcome", "TEXT");
            addColumnIfMissing(s, "requests", "reason", "TEXT");
            addColumnIfMissing(s, "requests", "repeats", "INTEGER");
            addColumnIfMissing(s, "requests", "last_at", "INTEGER");
            addColumnIfMissing(s, "requests", "client", "TEXT");
            addColumnIfMissing(s, "requests", "endpoint", "TEXT");
            // Version 3: what each request cost, and per day the cost of the priced ones.
            addColumnIfMissing(s, "requests", "cost_usd", "REAL");
            s.execute("CREATE INDEX IF NOT EXISTS requests_started ON requests(started_at)");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS usage_daily (
                      day TEXT NOT NULL, target_id TEXT NOT NULL, target_name TEXT,
                      requests INTEGER NOT NULL, errors INTEGER NOT NULL,
                      input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL,
                      cache_creation_tokens INTEGER NOT NULL, cache_read_tokens INTEGER NOT NULL,
                      PRIMARY KEY (day, target_id))""");
            addColumnIfMissing(s, "usage_daily", "cost_usd", "REAL");
            if (addColumnIfMissing(s, "usage_daily", "unpriced", "INTEGER NOT NULL DEFAULT 0")) {
                // Days counted before costs were: their tokens had no price.
                s.execute("UPDATE usage_daily SET unpriced = requests WHERE input_tokens + output_tokens > 0");
            }
            s.execute("PRAGMA user_version=" + SCHEMA_VERSION);
            s.execute("COMMIT");
        }
    }

    /** A column added after the first version of the table: older histories get it on open. Returns whether it was. */
    private static boolean addColumnIfMissing(Statement s, String table, String column, String type)
            throws SQLException {
        try (ResultSet columns = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (columns.next()) {
                if (column.equals(columns.getString("name"))) {
                    return false;
                }
            }
        }
        s.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " " + type);
        return true;
    }

    public void setRetention(Retention newRetention) {
        retention = newRetention;
        prune();
    }

    public Retention retention() {
        return retention;
    }

    /**
     * Keeps a finished request. An answered one is added to its target's usage for the day (saving
     * the same request twice counts it once); a refused one is not usage, and saving it again (a
     * repeat folded into it) updates its count. A record still in flight is ignored.
     */
    public synchronized void save(RequestRecord record) {
        saveAll(List.of(record));
    }

    /** Keeps several finished requests in one transaction (one commit, however many): all or none. */
    public synchronized void saveAll(List<RequestRecord> records) {
        try {
            connection.setAutoCommit(false);
            for (RequestRecord record : records) {
                switch (record.outcome()) {
                    case RequestRecord.InFlight _ -> { }
                    case RequestRecord.Completed done -> saveAnswered(record, done);
                    case RequestRecord.Rejected rejected -> saveRejected(record, rejected);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new IllegalStateException("cannot save " + (records.size() == 1 ? "request " + records.getFirst().id()
                    : records.size() + " requests") + ": " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
        savesSincePrune += records.size();
        if (savesSincePrune >= PRUNE_EVERY) {
            prune();
        }
    }

    private void saveAnswered(RequestRecord record, RequestRecord.Completed done) throws SQLException {
        RequestRecord.Routing routing = record.routing();
        RequestRecord.Failure failure = done.failure();
        String day = dayOf(record);
        Usage usage = done.usage() == null ? Usage.ZERO : done.usage();
        PreparedStatement insert = prepared("""
            INSERT OR IGNORE INTO requests (id, started_at, day, target_id, target_name, api_mode, route,
              requested_model, upstream_model, stream, status, error_type, error_message, first_token_ms,
              duration_ms, input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens,
              request_body, response_body, routed_by, cost_usd)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,CAST(? AS TEXT),CAST(? AS TEXT),?,?)""");
        int i = 1;
        insert.setString(i++, record.id());
        insert.setLong(i++, record.startedAt().toEpochMilli());
        insert.setString(i++, day);
        insert.setString(i++, routing.targetId());
        insert.setString(i++, routing.targetName());
        insert.setString(i++, routing.apiMode());
        insert.setString(i++, routing.addressed().wireName());
        insert.setString(i++, routing.requestedModel());
        insert.setString(i++, routing.upstreamModel());
        insert.setInt(i++, record.stream() ? 1 : 0);
        insert.setInt(i++, done.status());
        insert.setString(i++, failure == null ? null : failure.type());
        insert.setString(i++, failure == null ? null : redactor.redact(failure.message()));
        setLong(insert, i++, done.firstTokenMillis());
        setLong(insert, i++, done.durationMillis());
        setLong(insert, i++, done.usage() == null ? null : usage.inputTokens());
        setLong(insert, i++, done.usage() == null ? null : usage.outputTokens());
        setLong(insert, i++, done.usage() == null ? null : usage.cacheCreationInputTokens());
        setLong(insert, i++, done.usage() == null ? null : usage.cacheReadInputTokens());
        setText(insert, i++, storedBody(record.requestBody()));
        setText(insert, i++, storedBody(record.responseBody() == null ? null
                : record.responseBody().getBytes(StandardCharsets.UTF_8)));
        insert.setString(i++, routing.routedBy());
        setDouble(insert, i, done.costUsd());
        if (insert.executeUpdate() == 1) {
            PreparedStatement upsert = prepared("""
                INSERT INTO usage_daily (day, target_id, target_name, requests, errors, input_tokens,
                  output_tokens, cache_creation_tokens, cache_read_tokens, cost_usd, unpriced)
                VALUES (?,?,?,1,?,?,?,?,?,?,?)
                ON CONFLICT(day, target_id) DO UPDATE SET
                  target_name = excluded.target_name,
                  requests = requests + 1,
                  errors = errors + excluded.errors,
                  input_tokens = input_tokens + excluded.input_tokens,
                  output_tokens = output_tokens + excluded.output_tokens,
                  cache_creation_tokens = cache_creation_tokens + excluded.cache_creation_tokens,
                  cache_read_tokens = cache_read_tokens + excluded.cache_read_tokens,
                  cost_usd = CASE WHEN excluded.cost_usd IS NULL THEN cost_usd
                                  ELSE COALESCE(cost_usd, 0) + excluded.cost_usd END,
                  unpriced = unpriced + excluded.unpriced""");
            upsert.setString(1, day);
            upsert.setString(2, routing.targetId() == null ? "" : routing.targetId());
            upsert.setString(3, routing.targetName());
            upsert.setInt(4, done.countsAsError() ? 1 : 0);
            upsert.setLong(5, usage.inputTokens());
            upsert.setLong(6, usage.outputTokens());
            upsert.setLong(7, usage.cacheCreationInputTokens());
            upsert.setLong(8, usage.cacheReadInputTokens());
            setDouble(upsert, 9, done.costUsd());
            upsert.setInt(10, done.costUsd() == null && usage.promptTotal() + usage.outputTokens() > 0 ? 1 : 0);
            upsert.executeUpdate();
        }
    }

    /** A refusal, or a later count of it: the count and the latest time only grow, whatever order saves come in. */
    private void saveRejected(RequestRecord record, RequestRecord.Rejected rejected) throws SQLException {
        RequestRecord.Routing routing = record.routing();
        PreparedStatement upsert = prepared("""
            INSERT INTO requests (id, started_at, day, target_id, target_name, api_mode, route, stream, status,
              error_type, error_message, outcome, reason, repeats, last_at, client, endpoint)
            VALUES (?,?,?,?,?,?,?,0,?,?,?,'rejected',?,?,?,?,?)
            ON CONFLICT(id) DO UPDATE SET
              status = excluded.status,
              error_message = excluded.error_message,
              endpoint = excluded.endpoint,
              repeats = MAX(repeats, excluded.repeats),
              last_at = MAX(last_at, excluded.last_at)""");
        int i = 1;
        upsert.setString(i++, record.id());
        upsert.setLong(i++, record.startedAt().toEpochMilli());
        upsert.setString(i++, dayOf(record));
        upsert.setString(i++, routing.targetId());
        upsert.setString(i++, routing.targetName());
        upsert.setString(i++, routing.apiMode());
        upsert.setString(i++, routing.addressed().wireName());
        upsert.setInt(i++, rejected.status());
        upsert.setString(i++, rejected.failure().type());
        upsert.setString(i++, redactor.redact(rejected.failure().message()));
        upsert.setString(i++, rejected.reason().wireName());
        upsert.setInt(i++, rejected.count());
        upsert.setLong(i++, rejected.lastAt().toEpochMilli());
        upsert.setString(i++, redactor.redact(rejected.client()));
        upsert.setString(i, redactor.redact(rejected.endpoint()));
        upsert.executeUpdate();
    }

    private String dayOf(RequestRecord record) {
        return LocalDate.ofInstant(record.startedAt(), zone).toString();
    }

    /** The newest {@code limit} finished requests, oldest first, without bodies (see {@link #bodies}). */
    public synchronized List<RequestRecord> recent(int limit) {
        return tail(limit).records();
    }

    /**
     * Requests in the order they were stored, and where they end: pass {@link #position()} to
     * {@link #after} to get the ones stored since (by this process or another).
     */
    public record Tail(List<RequestRecord> records, long position) {}

    /** The newest {@code limit} requests, oldest first, without bodies, and the position after them. */
    public synchronized Tail tail(int limit) {
        long end;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM requests")) {
            end = rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the request history: " + e.getMessage(), e);
        }
        // Up to the end read first: one stored meanwhile comes with the next after(), not twice.
        return select("SELECT * FROM (SELECT " + COLUMNS + " FROM requests WHERE seq <= ? ORDER BY seq DESC LIMIT ?)"
                + " ORDER BY seq ASC", end, end, Math.max(0, limit));
    }

    /** Up to {@code limit} requests stored after {@code position}, oldest first, without bodies. */
    public synchronized Tail after(long position, int limit) {
        return select("SELECT " + COLUMNS + " FROM requests WHERE seq > ? ORDER BY seq ASC LIMIT ?", position,
                position, Math.max(0, limit));
    }

    private Tail select(String sql, long positionIfNone, long... parameters) {
        List<RequestRecord> out = new ArrayList<>();
        long position = positionIfNone;
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setLong(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    out.add(readRecord(rs, false));
                    position = Math.max(position, rs.getLong("seq"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the request history: " + e.getMessage(), e);
        }
        return new Tail(out, position);
    }

    /**
     * The requests whose id is {@code idOrPrefix} or starts with it (at most {@code limit}), with
     * their bodies; an exact match comes alone.
     */
    public synchronized List<RequestRecord> find(String idOrPrefix, int limit) {
        List<RequestRecord> out = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                + ", request_body, response_body FROM requests WHERE id = ? OR substr(id, 1, ?) = ?"
                + " ORDER BY id = ? DESC, seq DESC LIMIT ?")) {
            query.setString(1, idOrPrefix);
            query.setInt(2, idOrPrefix.length());
            query.setString(3, idOrPrefix);
            query.setString(4, idOrPrefix);
            query.setInt(5, Math.max(1, limit));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    RequestRecord record = readRecord(rs, true);
                    if (record.id().equals(idOrPrefix)) {
                        return List.of(record);
                    }
                    out.add(record);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the request history: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Hands the newest {@code limit} requests to {@code action}, oldest first, with their bodies,
     * one at a time (an export of thousands of large bodies never sits in memory at once).
     */
    public synchronized int forEachWithBodies(int limit, Consumer<RequestRecord> action) {
        int count = 0;
        try (PreparedStatement first = connection.prepareStatement(
                     "SELECT seq FROM requests ORDER BY seq DESC LIMIT 1 OFFSET ?");
             PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                     + ", request_body, response_body FROM requests WHERE seq >= ? ORDER BY seq ASC")) {
            first.setInt(1, Math.max(1, limit) - 1);
            long from;
            try (ResultSet rs = first.executeQuery()) {
                from = rs.next() ? rs.getLong(1) : 0;
            }
            query.setLong(1, from);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    action.accept(readRecord(rs, true));
                    count++;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the request history: " + e.getMessage(), e);
        }
        return count;
    }

    public synchronized Optional<Bodies> bodies(String id) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT request_body, response_body FROM requests WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(new Bodies(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the request history: " + e.getMessage(), e);
        }
    }

    /** Usage rows for the last {@code days} days (today included), oldest day first. */
    public synchronized List<DailyUsage> usage(int days) {
        LocalDate from = today().minusDays(Math.max(1, days) - 1L);
        List<DailyUsage> out = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT day, target_id, target_name, requests, errors, input_tokens, output_tokens,
                  cache_creation_tokens, cache_read_tokens, cost_usd, unpriced
                FROM usage_daily WHERE day >= ? ORDER BY day ASC, target_id ASC""")) {
            query.setString(1, from.toString());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    out.add(new DailyUsage(LocalDate.parse(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                            nullableDouble(rs, "cost_usd"), rs.getLong(11)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read usage: " + e.getMessage(), e);
        }
        return out;
    }

    /** Forgets the stored requests; usage totals stay. */
    public synchronized void clearEntries() {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("DELETE FROM requests");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clear the request history: " + e.getMessage(), e);
        }
    }

    /** Applies the retention limit now (also done on open and every few hundred saves). */
    public synchronized void prune() {
        savesSincePrune = 0;
        Retention limits = retention;
        long cutoff = clock.instant().minus(Duration.ofDays(limits.days())).toEpochMilli();
        String firstDay = today().minusDays(limits.days() - 1L).toString();
        try (PreparedStatement old = connection.prepareStatement("DELETE FROM requests WHERE started_at < ?");
             PreparedStatement excess = connection.prepareStatement(
                     "DELETE FROM requests WHERE seq <= (SELECT seq FROM requests ORDER BY seq DESC LIMIT 1 OFFSET ?)");
             PreparedStatement oldUsage = connection.prepareStatement("DELETE FROM usage_daily WHERE day < ?")) {
            old.setLong(1, cutoff);
            old.executeUpdate();
            excess.setInt(1, limits.maxEntries());
            excess.executeUpdate();
            oldUsage.setString(1, firstDay);
            oldUsage.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prune the request history: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
            connection.close();
        } catch (SQLException ignored) {
            // closing: nothing to do about a failure
        }
    }

    /** A statement every save runs, prepared once (SQLite compiles each statement it is handed). */
    private PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Redacted first (a key cut in half by the cap would no longer match its pattern), then capped. */
    private byte[] storedBody(byte[] body) {
        if (body == null) {
            return null;
        }
        // Only the start is kept; a margin past it lets a key that straddles the cut still be masked.
        byte[] kept = body.length > bodyCap + CUT_MARGIN ? Arrays.copyOf(body, bodyCap + CUT_MARGIN) : body;
        byte[] redacted = redactor.redactDocument(kept);
        return redacted.length > bodyCap ? RequestRecord.startOf(redacted, bodyCap) : redacted;
    }

    /** UTF-8 text bound as it is: SQLite reads a blob cast to text as its own encoding, so nothing is decoded. */
    private static void setText(PreparedStatement statement, int index, byte[] utf8) throws SQLException {
        if (utf8 == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setBytes(index, utf8);
        }
    }

    private static RequestRecord readRecord(ResultSet rs, boolean withBodies) throws SQLException {
        var routing = new RequestRecord.Routing(rs.getString("target_id"), rs.getString("target_name"),
                rs.getString("api_mode"), RequestRecord.Addressed.of(rs.getString("route")),
                rs.getString("requested_model"), rs.getString("upstream_model"), rs.getString("routed_by"));
        String errorType = rs.getString("error_type");
        var failure = errorType == null ? null : new RequestRecord.Failure(errorType, rs.getString("error_message"));
        Instant startedAt = Instant.ofEpochMilli(rs.getLong("started_at"));
        RequestRecord.Ended ended;
        if ("rejected".equals(rs.getString("outcome"))) {
            Long lastAt = nullableLong(rs, "last_at");
            Long repeats = nullableLong(rs, "repeats");
            ended = new RequestRecord.Rejected(RejectionReason.of(rs.getString("reason")), rs.getInt("status"),
                    failure, rs.getString("client"), rs.getString("endpoint"), repeats == null ? 1 : repeats.intValue(),
                    lastAt == null ? startedAt : Instant.ofEpochMilli(lastAt));
        } else {
            Long input = nullableLong(rs, "input_tokens");
            Usage usage = input == null ? null : new Usage(input, rs.getLong("output_tokens"),
                    rs.getLong("cache_creation_tokens"), rs.getLong("cache_read_tokens"));
            Long duration = nullableLong(rs, "duration_ms");
            ended = new RequestRecord.Completed(rs.getInt("status"), failure, nullableLong(rs, "first_token_ms"),
                    duration == null ? 0 : duration, usage, nullableDouble(rs, "cost_usd"));
        }
        String requestBody = withBodies ? rs.getString("request_body") : null;
        return new RequestRecord(rs.getString("id"), startedAt, routing, rs.getInt("stream") == 1, ended,
                requestBody == null ? null : requestBody.getBytes(StandardCharsets.UTF_8),
                withBodies ? rs.getString("response_body") : null, List.of());
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.REAL);
        } else {
            statement.setDouble(index, value);
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // next call reports a broken connection
        }
    }
}
