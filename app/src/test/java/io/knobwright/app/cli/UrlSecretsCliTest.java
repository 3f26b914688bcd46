package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.app.AppContext;
import io.knobwright.connectors.catalog.MariaDbCatalogReader;
import io.knobwright.connectors.catalog.PostgresCatalogReader;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.store.KnobwrightStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passwords written into JDBC URLs, as a user runs the CLI: one process per command on a data directory, real
 * connectors against the local PostgreSQL (127.0.0.1:5432, trust auth, so any password logs in) and MariaDB
 * (127.0.0.1:3306, root without password, so a password is refused). Whatever the form of the password, it
 * must not reach the store file, the output or a log (decision 0053).
 */
class UrlSecretsCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/postgres";

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();
    private final StringBuilder everything = new StringBuilder();
    private final List<String> logged = new ArrayList<>();
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(record.getLoggerName() + " " + record.getMessage() + " " + java.util.Arrays.toString(record.getParameters())
                        + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final List<Logger> loudened = List.of(Logger.getLogger(""), Logger.getLogger("org.postgresql"), Logger.getLogger("org.mariadb"));
    private final List<Level> levelsBefore = new ArrayList<>();

    @BeforeEach
    void listenToEveryLog() {
        // The drivers log the URL they connect with at FINE: every level is recorded and searched
        for (Logger logger : loudened) {
            levelsBefore.add(logger.getLevel());
            logger.setLevel(Level.ALL);
        }
        logCapture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(logCapture);
        env.put("KNOBWRIGHT_HOME", home.toString());
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("").removeHandler(logCapture);
        for (int i = 0; i < loudened.size(); i++) {
            loudened.get(i).setLevel(levelsBefore.get(i));
        }
    }

    private CliHarness.Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliSession session = new CliSession(AppContext::open, c -> { throw new AssertionError("no workbench in tests"); },
                List.of(new PostgresCatalogReader(), MariaDbCatalogReader.withCuratedTables()), env,
                new ByteArrayInputStream("Stdin_Pw_0\n".getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true));
        CliHarness.Result result = new CliHarness.Result(Cli.run(session, args), out.toString(), err.toString());
        // what the command printed, not the command line the user typed
        everything.append(result.out()).append(result.err());
        return result;
    }

    /** With --debug, stack traces (and the messages of every cause) are searched too. */
    private boolean debug;

    private CliHarness.Result add(String name, String url, String... more) {
        List<String> args = new ArrayList<>(List.of("fleet", "add", "--name", name, "--jdbc-url", url));
        if (debug) {
            args.addFirst("--debug");
        }
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void noPasswordInAnyUrlFormReachesTheStoreTheOutputOrALog(@TempDir Path work) throws Exception {
        debug = true;
        run("fleet", "remove-demo");
        // Every form both drivers (or a libpq-style URL) accept, each with a password found nowhere else
        Map<String, String> registered = Map.of(
                "form-query", PG + "?password=Sec_Query_1",
                "form-amp", PG + "?sslmode=disable&password=Sec_Amp_2&ApplicationName=kw",
                "form-upper", PG + "?PASSWORD=Sec_Upper_3",
                "form-encoded-name", PG + "?pass%77ord=Sec_EncName_4",
                "form-encoded-value", PG + "?password=Sec%25EncVal_5",
                "form-userinfo", "jdbc:postgresql://postgres:Sec_UserInfo_6@127.0.0.1:5432/postgres",
                "form-userinfo-encoded", "jdbc:postgresql://postgres:Sec%2FUserInfo_7@127.0.0.1:5432/postgres",
                "form-space", PG + "?password=Sec Space_8");
        for (var form : registered.entrySet()) {
            CliHarness.Result added = add(form.getKey(), form.getValue(), "--json");
            assertThat(added.exitCode()).as(form.getKey() + ": " + added.err()).isZero();
            JsonNode connection = JSON.readTree(added.out()).get("connection");
            assertThat(connection.get("credential").asText()).as(form.getKey()).isEqualTo("sealed");
            assertThat(connection.get("jdbcUrl").asText()).as(form.getKey()).doesNotContain("Sec").doesNotContain("***");
        }
        assertThat(run("fleet", "refresh", "form-userinfo").exitCode()).isZero();

        // Forms that fail, each for another reason: the messages must not quote them either
        assertThat(add("mariadb-userinfo", "jdbc:mariadb://root:Sec_Maria_9@127.0.0.1:3306/test").exitCode()).isEqualTo(3);
        assertThat(add("mariadb-query", "jdbc:mysql://127.0.0.1:3306/test?user=root&password=Sec_Maria_10").exitCode()).isEqualTo(3);
        assertThat(add("mysql-bad-port", "jdbc:mysql://root:Sec_Port_11@127.0.0.1:x/test").exitCode()).isEqualTo(1);
        assertThat(add("mysql-port-word", "jdbc:mariadb://root:Sec_Port_12@127.0.0.1:port/test").exitCode()).isEqualTo(1);
        assertThat(add("semicolon", PG + ";password=Sec_Semi_13").exitCode()).isEqualTo(1);
        assertThat(add("keystore", "jdbc:mariadb://127.0.0.1/test?keyStorePassword=Sec_Key_14").exitCode()).isEqualTo(1);
        assertThat(add("twice", PG + "?password=Sec_Twice_15", "--password-stdin").exitCode()).isEqualTo(1);
        assertThat(add("white space", PG + "?password=Sec_White_16& ssl=true").exitCode()).isEqualTo(1);
        assertThat(add("unreachable", "jdbc:postgresql://127.0.0.1:1/postgres?password=Sec_Closed_17").exitCode()).isEqualTo(3);
        assertThat(add("hostile", PG + "?password=Sec_Hostile_18&socketFactory=x.Y").exitCode()).isEqualTo(1);

        Path catalog = work.resolve("catalog.json");
        assertThat(run("catalog", "generate", "--jdbc-url", PG + "?password=Sec_Generate_19", "--out", catalog.toString())
                .exitCode()).isZero();
        assertThat(run("--debug", "catalog", "generate", "--jdbc-url", "jdbc:mariadb://root:Sec_Generate_20@127.0.0.1:3306/test",
                "--out", catalog.toString(), "--force").exitCode()).isEqualTo(3);
        assertThat(run("catalog", "generate", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x?password=Sec_Generate_21",
                "--out", catalog.toString(), "--force").exitCode()).isEqualTo(3);
        assertThat(run("catalog", "generate", "--jdbc-url", "jdbc:db2://u:Sec_Generate_22@h/x", "--out", catalog.toString(), "--force")
                .exitCode()).isEqualTo(1);

        Path inventory = Files.writeString(work.resolve("fleet.csv"), """
                name,engine,version,jdbc_url
                inv-query,postgresql,15,jdbc:postgresql://db1:5432/x?password=Sec_Inventory_23
                inv-userinfo,mysql,8.0,jdbc:mysql://app:Sec_Inventory_24@db2:3306/x
                inv-notjdbc,postgresql,15,postgresql://app:Sec_Inventory_25@db1/x
                """);
        CliHarness.Result imported = run("fleet", "import", "--file", inventory.toString(), "--json");
        assertThat(imported.exitCode()).isEqualTo(1);
        assertThat(imported.out()).contains("***");

        run("fleet", "list", "--json");
        run("fleet", "list");
        for (String name : registered.keySet()) {
            run("fleet", "show", name, "--json");
            run("fleet", "show", name);
        }

        List<String> secrets = List.of("Sec_Query_1", "Sec_Amp_2", "Sec_Upper_3", "Sec_EncName_4", "Sec%25EncVal_5", "Sec%EncVal_5",
                "Sec_UserInfo_6", "Sec%2FUserInfo_7", "Sec/UserInfo_7", "Sec Space_8", "Sec_Maria_9", "Sec_Maria_10", "Sec_Port_11",
                "Sec_Port_12", "Sec_Semi_13", "Sec_Key_14", "Sec_Twice_15", "Sec_White_16", "Sec_Closed_17", "Sec_Hostile_18",
                "Sec_Generate_19", "Sec_Generate_20", "Sec_Generate_21", "Sec_Generate_22", "Sec_Inventory_23",
                "Sec_Inventory_24", "Sec_Inventory_25", "Stdin_Pw_0");
        String output = everything.toString();
        String logs;
        synchronized (logged) {
            logs = String.join("\n", logged);
        }
        String storeFiles = allFiles(home);
        // the searches can see what is there: names, URLs and driver log lines are found in the same places
        assertThat(storeFiles).contains("form-userinfo-encoded").contains("127.0.0.1:5432/postgres?sslmode=disable");
        assertThat(logs).contains("org.postgresql");
        assertThat(output).contains("\"name\" : \"form-query\"").contains("at io.knobwright.");
        for (String secret : secrets) {
            assertThat(output).as("CLI output").doesNotContain(secret);
            assertThat(logs).as("logs").doesNotContain(secret);
            assertThat(storeFiles).as("files of the data directory").doesNotContain(secret);
            assertThat(Files.readString(catalog)).as("generated catalog").doesNotContain(secret);
        }
    }

    @Test
    void aRefusedUrlExitsWithOneAndContactsNothingOnEveryCommandThatConnects(@TempDir Path work) throws Exception {
        run("fleet", "remove-demo");
        try (ServerSocket witness = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            String maria = "jdbc:mariadb://127.0.0.1:" + witness.getLocalPort() + "/test?createDatabaseIfNotExist=true"
                    + "&initSql=CREATE%20DATABASE%20kw_evil";
            String mysql = "jdbc:mysql://127.0.0.1:" + witness.getLocalPort() + "/test?allowLoadLocalInfile=true&autoDeserialize=true";
            String pg = "jdbc:postgresql://127.0.0.1:" + witness.getLocalPort() + "/postgres?socketFactory=x.Y";
            String silent = "jdbc:mariadb://127.0.0.1:" + witness.getLocalPort() + "/test?connectTimeout=0&socketTimeout=0";
            Path inventory = Files.writeString(work.resolve("fleet.csv"),
                    "name,engine,version,jdbc_url\nstored-hostile,mariadb,10.11," + maria + "\n");
            CliHarness.Result imported = run("fleet", "import", "--file", inventory.toString());
            assertThat(imported.exitCode()).isEqualTo(1);
            assertThat(imported.err() + imported.out()).contains("createDatabaseIfNotExist");
            // a store written before imports were judged by the gate may hold such a URL: refresh refuses it too
            try (KnobwrightStore store = KnobwrightStore.open(home)) {
                store.instances().save(new Instance(0, "stored-hostile", Engine.MARIADB, "10.11", null,
                        new ConnectionSpec(maria, "root", CredentialRef.NONE), null, null, null, null, null, false));
            }

            List<CliHarness.Result> results = List.of(
                    add("maria", maria), add("mysql", mysql), add("pg", pg), add("silent", silent),
                    run("catalog", "generate", "--jdbc-url", maria, "--user", "root", "--out", work.resolve("a.json").toString()),
                    run("catalog", "generate", "--jdbc-url", pg, "--out", work.resolve("b.json").toString()),
                    run("catalog", "generate", "--jdbc-url", silent, "--out", work.resolve("c.json").toString()),
                    run("fleet", "refresh", "stored-hostile"));

            assertThat(results).allSatisfy(r -> {
                assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
                assertThat(r.errLines()).singleElement().asString().startsWith("knobwright: Knobwright did not connect: this JDBC URL sets ");
            });
            witness.setSoTimeout(300);
            boolean contacted;
            try (var ignored = witness.accept()) {
                contacted = true;
            } catch (SocketTimeoutException nobody) {
                contacted = false;
            }
            assertThat(contacted).as("a refused URL must not reach the server").isFalse();
            assertThat(work.resolve("a.json")).doesNotExist();
        }
    }

    @Test
    void aPasswordInTheUrlIsSealedAndUsedAtTheNextConnection() throws Exception {
        run("fleet", "remove-demo");
        CliHarness.Result added = add("sealed", "jdbc:postgresql://postgres:Sealed_Pw_1@127.0.0.1:5432/postgres?sslmode=disable", "--json");

        assertThat(added.exitCode()).as(added.err()).isZero();
        JsonNode connection = JSON.readTree(run("fleet", "show", "sealed", "--json").out()).get("instance").get("connection");
        assertThat(connection.get("jdbcUrl").asText()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres?sslmode=disable");
        assertThat(connection.get("user").asText()).isEqualTo("postgres");
        assertThat(connection.get("credential").asText()).isEqualTo("sealed");
        assertThat(run("fleet", "refresh", "sealed").exitCode()).isZero();
    }

    @Test
    void aPasswordInTheUrlAndAnotherGivenSeparatelyIsRefusedNamingTheWayOut() {
        env.put("PG_PW", "Env_Pw_2");

        CliHarness.Result r = add("two", PG + "?password=Url_Pw_2", "--password-env", "PG_PW");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("knobwright: The JDBC URL '" + PG + "?password=***' contains a password, and"
                + " another one is given separately ($PG_PW). Remove the password from the URL.");
    }

    private static String allFiles(Path dir) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                // ISO-8859-1 maps every byte to one char: a UTF-8 string stored in the file is found as it is
                text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return text.toString();
    }
}
