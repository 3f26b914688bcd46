package io.knobwright.model.fleet.inventory;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;
import io.knobwright.model.fleet.inventory.ImportReport.RejectedRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InventoryParserTest {

    private static final String HEADER = "name,engine,version,jdbc_url,user,password_env,tier,criticality,workload,tags,cpus,memory,disk_type,disk\n";

    private final InventoryParser parser = new InventoryParser();

    @TempDir
    Path temp;

    private ParsedInventory csv(String text) {
        return parser.parse(text, InventoryFormat.CSV, "fleet.csv");
    }

    private ParsedInventory json(String text) {
        return parser.parse(text, InventoryFormat.JSON, "fleet.json");
    }

    @Test
    void completeCsvRowBecomesAnInstanceWithEveryFact() {
        ParsedInventory parsed = csv(HEADER
                + "pg-payments-prod-01,postgresql,16.4,jdbc:postgresql://db1:5432/pay,knob,PG_PASS,prod,critical,oltp,"
                + "team=payments;region=eu-west-1,32,256GB,nvme,2TB\n");

        assertThat(parsed.rejected()).isEmpty();
        Instance instance = parsed.instances().getFirst();
        assertThat(instance.name()).isEqualTo("pg-payments-prod-01");
        assertThat(instance.engine()).isEqualTo(Engine.POSTGRESQL);
        assertThat(instance.version()).isEqualTo("16");
        assertThat(instance.fullVersion()).isEqualTo("16.4");
        assertThat(instance.connection().jdbcUrl()).isEqualTo("jdbc:postgresql://db1:5432/pay");
        assertThat(instance.connection().user()).isEqualTo("knob");
        assertThat(instance.connection().credential()).isEqualTo(new CredentialRef.EnvironmentVariable("PG_PASS"));
        assertThat(instance.tier()).isEqualTo(Tier.PRODUCTION);
        assertThat(instance.criticality()).isEqualTo(Criticality.CRITICAL);
        assertThat(instance.workload()).isEqualTo(WorkloadKind.OLTP);
        assertThat(instance.tags()).isEqualTo(Map.of("team", "payments", "region", "eu-west-1"));
        assertThat(instance.hardware().cpus()).isEqualTo(32);
        assertThat(instance.hardware().memoryBytes()).isEqualTo(256L << 30);
        assertThat(instance.hardware().diskType()).isEqualTo(DiskType.NVME);
        assertThat(instance.hardware().diskBytes()).isEqualTo(2L << 40);
        assertThat(instance.demo()).isFalse();
    }

    @Test
    void onlyNameEngineAndVersionAreRequired() {
        ParsedInventory parsed = csv("Name,Engine,Version\nmy-shop-dev-01,MySQL,8.0.36\n");

        Instance instance = parsed.instances().getFirst();
        assertThat(instance.version()).isEqualTo("8.0");
        assertThat(instance.connectable()).isFalse();
        assertThat(instance.tier()).isEqualTo(Tier.DEVELOPMENT);
    }

    @Test
    void badRowsAreRejectedWithTheirLineAndReasonWhileGoodRowsCount() {
        ParsedInventory parsed = csv("""
                name,engine,version,memory
                good-1,postgresql,16,64GB
                ,postgresql,16,
                bad-engine,db2,11,
                old-pg,postgresql,12,
                old-my,mysql,5.7,
                good-2,mariadb,10.11.9,65536MB
                good-1,postgresql,17,
                bad-memory,oracle,19c,lots
                """);

        assertThat(parsed.instances()).extracting(Instance::name).containsExactly("good-1", "good-2");
        assertThat(parsed.rows()).extracting(ParsedInventory.Row::row).containsExactly(2, 7);
        assertThat(parsed.rejected()).containsExactly(
                new RejectedRow(3, "Missing name."),
                new RejectedRow(4, "Unknown engine 'db2'; use one of: postgresql, mysql, mariadb, sqlserver, oracle."),
                new RejectedRow(5, "Version 12 is not catalogued for PostgreSQL (available: 13..18)."),
                new RejectedRow(6, "Version 5.7 is not catalogued for MySQL (available: 8.0, 8.4)."),
                new RejectedRow(8, "Duplicate name 'good-1' in this file (first on row 2)."),
                new RejectedRow(9, "Memory 'lots' is not a size; write it like 64GB, 65536MB, 2TB or a number of bytes."));
        assertThat(parsed.instances().get(1).hardware().memoryBytes()).isEqualTo(64L << 30);
    }

    @Test
    void enumFieldsOutsideTheirListsAreRejectedNamingTheChoices() {
        ParsedInventory parsed = csv("name,engine,version,tier,criticality,workload,disk_type,cpus\n"
                + "a,postgresql,16,moon,,,,\n"
                + "b,postgresql,16,,urgent,,,\n"
                + "c,postgresql,16,,,batch,,\n"
                + "d,postgresql,16,,,,floppy,\n"
                + "e,postgresql,16,,,,,-2\n");

        assertThat(parsed.rejected()).extracting(RejectedRow::reason).containsExactly(
                "Unknown tier 'moon'. Use one of: production, staging, test, development.",
                "Unknown criticality 'urgent'. Use one of: low, medium, high, critical.",
                "Unknown workload 'batch'. Use one of: oltp, olap, mixed, web, desktop.",
                "Unknown disk type 'floppy'. Use one of: hdd, ssd, nvme, san, unknown.",
                "cpus '-2' is not a whole number between 0 and 100000.");
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaksAndLinesStayRight() {
        ParsedInventory parsed = csv("name,engine,version,tags\n"
                + "\"pg-a,b\",postgresql,16,\"team=\"\"core\"\";note=x,y\"\n"
                + "\"two\nlines\",postgresql,16,\n"
                + "after-break,postgresql,16,\n");

        assertThat(parsed.instances()).extracting(Instance::name).containsExactly("pg-a,b", "after-break");
        assertThat(parsed.instances().getFirst().tags()).containsEntry("team", "\"core\"").containsEntry("note", "x,y");
        assertThat(parsed.rejected()).containsExactly(new RejectedRow(3, "Name 'two\\nlines' contains U+000A LINE FEED (LF), an invisible or"
                + " control character that can make a name print as another one. Use visible characters only."));
        assertThat(parsed.rows()).extracting(ParsedInventory.Row::row).containsExactly(2, 5);
    }

    @Test
    void excelStyleSemicolonCsvWithByteOrderMarkIsRead() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String text = "name;engine;version;tags;memory\r\npg-ü-01;PostgreSQL;15;team=a;64GB\r\n\r\n";
        byte[] content = new byte[bom.length + text.getBytes(StandardCharsets.UTF_8).length];
        System.arraycopy(bom, 0, content, 0, 3);
        System.arraycopy(text.getBytes(StandardCharsets.UTF_8), 0, content, 3, content.length - 3);

        ParsedInventory parsed = parser.parse(content, null, "export.csv");

        assertThat(parsed.rejected()).isEmpty();
        assertThat(parsed.instances()).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("pg-ü-01");
            assertThat(i.tags()).containsEntry("team", "a");
        });
    }

    @Test
    void hostileAndUnusualValuesAreDataNotCode() {
        String sqlish = "x'); DROP TABLE instance;--";
        ParsedInventory parsed = csv("name,engine,version,tags\n"
                + "\"" + sqlish + "\",postgresql,16,\n"
                + "pg-東京-😀,postgresql,16,région=île-de-france\n"
                + "n".repeat(201) + ",postgresql,16,\n"
                + "long-tag,postgresql,16,note=" + "v".repeat(5000) + "\n"
                + "bad-tag,postgresql,16,justtext\n"
                + "twice-tag,postgresql,16,a=1;a=2\n"
                + "pg-1,postgresql," + "9".repeat(10_000) + ",\n");

        assertThat(parsed.instances()).extracting(Instance::name).containsExactly(sqlish, "pg-東京-😀");
        assertThat(parsed.instances().get(1).tags()).containsEntry("région", "île-de-france");
        assertThat(parsed.rejected()).extracting(RejectedRow::reason).containsExactly(
                "Name '" + "n".repeat(60) + "…' is 201 characters long; at most 200 fit.",
                "Value of tag 'note' is 5000 characters long; at most 1000 fit.",
                "Tag 'justtext' is not key=value; write tags like team=payments;region=eu.",
                "Tag 'a' is given twice.",
                "Version " + "9".repeat(60) + "… is not catalogued for PostgreSQL (available: 13..18).");
    }

    @Test
    void connectionColumnsMustBeConsistent() {
        ParsedInventory parsed = csv("name,engine,version,jdbc_url,user,password_env\n"
                + "a,postgresql,16,,knob,\n"
                + "b,postgresql,16,postgresql://db:5432/x,,\n"
                + "c,postgresql,16,jdbc:postgresql://db:5432/x,,1BAD\n"
                + "d,postgresql,16,jdbc:postgresql://db:5432/x,,\n");

        assertThat(parsed.rejected()).extracting(RejectedRow::reason).containsExactly(
                "User or password_env given without jdbc_url; add the JDBC URL or leave both empty.",
                "JDBC URL 'postgresql://db:5432/x' must start with 'jdbc:'.",
                "password_env '1BAD' is not an environment variable name (letters, digits and '_', not starting with a digit).");
        assertThat(parsed.instances().getFirst().connection().credential()).isEqualTo(CredentialRef.NONE);
    }

    @Test
    void rowWithMoreFieldsThanTheHeaderIsRejected() {
        ParsedInventory parsed = csv("name,engine,version\na,postgresql,16,surprise\nb,postgresql,16\n");

        assertThat(parsed.rejected()).containsExactly(new RejectedRow(2,
                "Row has 4 fields, but the header has 3 columns. Quote values that contain the separator."));
        assertThat(parsed.instances()).extracting(Instance::name).containsExactly("b");
    }

    @Test
    void headerProblemsRefuseTheWholeFile() {
        assertThatThrownBy(() -> csv("name,engine,version,teir\na,postgresql,16,prod\n"))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageStartingWith("fleet.csv has an unknown column 'teir'. Known columns: name, engine, version,");
        assertThatThrownBy(() -> csv("name,engine,version,password\na,postgresql,16,hunter2\n"))
                .hasMessageStartingWith("fleet.csv has a 'password' column: Knobwright never imports clear-text passwords.");
        assertThatThrownBy(() -> csv("name,engine\na,postgresql\n"))
                .hasMessage("fleet.csv has no 'version' column. The header row needs at least name, engine and version.");
        assertThatThrownBy(() -> csv("name,engine,version,Name\n"))
                .hasMessage("fleet.csv has the column 'name' twice in its header row.");
    }

    @Test
    void jsonArrayOfObjectsIsReadWithTagsAsObjectOrText() {
        ParsedInventory parsed = json("""
                [
                  {"name": "pg-1", "engine": "postgresql", "version": "17", "cpus": 16, "memory": 68719476736,
                   "tags": {"team": "data", "region": "us-east-1"}, "disk_type": "ssd", "disk": "500GB"},
                  {"name": "ora-1", "engine": "oracle", "version": "19c", "full_version": "19.28.0.0.0", "tags": "team=erp"},
                  {"name": "ms-1", "engine": "sqlserver", "version": "2022", "full_version": "15.0.4445.1"},
                  "not an object",
                  {"name": "nested", "engine": "postgresql", "version": "16", "cpus": [1, 2]},
                  {"name": null, "engine": "postgresql", "version": "16"}
                ]
                """);

        assertThat(parsed.instances()).extracting(Instance::name).containsExactly("pg-1", "ora-1");
        assertThat(parsed.instances().getFirst().hardware().memoryBytes()).isEqualTo(64L << 30);
        assertThat(parsed.instances().getFirst().tags()).containsEntry("region", "us-east-1");
        assertThat(parsed.instances().get(1).fullVersion()).isEqualTo("19.28.0.0.0");
        assertThat(parsed.instances().get(1).tags()).containsEntry("team", "erp");
        assertThat(parsed.rejected()).containsExactly(
                new RejectedRow(3, "Full version 15.0.4445.1 does not belong to SQL Server 2022."),
                new RejectedRow(4, "Element is not an object; write each instance as {\"name\": ..., \"engine\": ..., \"version\": ...}."),
                new RejectedRow(5, "Field 'cpus' must be text or a number, not a list or object."),
                new RejectedRow(6, "Missing name."));
    }

    @Test
    void malformedJsonRefusesTheWholeFile() {
        assertThatThrownBy(() -> json("[{\"name\": \"a\", \"engine\": }]"))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageStartingWith("fleet.json is not valid JSON: ")
                .hasMessageContaining("(line 1, column");
        assertThatThrownBy(() -> json("{\"name\": \"a\"}"))
                .hasMessageStartingWith("fleet.json is JSON but not an array.");
        assertThatThrownBy(() -> json("[{\"name\": \"a\", \"name\": \"b\"}]"))
                .hasMessageContaining("Duplicate field 'name'");
        assertThatThrownBy(() -> json("[{\"name\": \"a\", \"engine\": \"postgresql\", \"version\": \"16\", \"colour\": 1}]"))
                .hasMessageStartingWith("fleet.json (element 1) has an unknown column 'colour'.");
        assertThatThrownBy(() -> json("[] []")).hasMessageContaining("content after the closing ']'");
    }

    @Test
    void fileThatIsNotAnInventoryIsRefusedWithOneMessage() throws Exception {
        assertThatThrownBy(() -> parser.parse(Files.write(temp.resolve("empty.csv"), new byte[0])))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageStartingWith("empty.csv is empty.");
        assertThatThrownBy(() -> parser.parse(Files.writeString(temp.resolve("blank.json"), " \n\t\n")))
                .hasMessageStartingWith("blank.json is empty.");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThatThrownBy(() -> parser.parse(Files.write(temp.resolve("logo.png"), png)))
                .hasMessageStartingWith("logo.png is a binary file, not CSV or JSON text.");
        assertThatThrownBy(() -> parser.parse(Files.write(temp.resolve("utf16.csv"), "name".getBytes(StandardCharsets.UTF_16LE.newEncoder().charset()))))
                .hasMessageContaining("is a binary file");
        byte[] utf16WithBom = {(byte) 0xFF, (byte) 0xFE, 'n', 0, 'a', 0};
        assertThatThrownBy(() -> parser.parse(Files.write(temp.resolve("unicode.csv"), utf16WithBom)))
                .hasMessageStartingWith("unicode.csv is UTF-16 text. Save it as UTF-8");
        assertThatThrownBy(() -> parser.parse(Files.write(temp.resolve("latin1.csv"), "name,engine,version\ncaf\u00e9,pg,16\n".getBytes(StandardCharsets.ISO_8859_1))))
                .hasMessageStartingWith("latin1.csv is not UTF-8 text.");
        assertThatThrownBy(() -> parser.parse(Files.writeString(temp.resolve("notes.txt"), "# My notes\nsome prose, with commas\n")))
                .hasMessageStartingWith("notes.txt has an unknown column '# My notes'.")
                .hasMessageEndingWith("Is the first row a header row?");
        assertThatThrownBy(() -> parser.parse(temp.resolve("missing.csv")))
                .hasMessageStartingWith("There is no file ");
    }

    @Test
    void formatFollowsTheExtensionOrTheContent() throws Exception {
        Path noExtension = Files.writeString(temp.resolve("inventory"), "[{\"name\":\"a\",\"engine\":\"pg\",\"version\":\"16\"}]");
        Path csvNamedFile = Files.writeString(temp.resolve("inventory.csv"), "name,engine,version\na,pg,16\n");

        assertThat(parser.parse(noExtension).instances()).hasSize(1);
        assertThat(parser.parse(csvNamedFile).instances()).hasSize(1);
    }

    @Test
    void tooManyRowsRefusesTheWholeFile() {
        InventoryParser small = new InventoryParser(3);
        String fourRows = "name,engine,version\na,pg,16\nb,pg,16\nc,pg,16\nd,pg,16\n";

        assertThatThrownBy(() -> small.parse(fourRows, InventoryFormat.CSV, "big.csv"))
                .hasMessage("big.csv has more than 3 rows. Split it into smaller files and import them one by one.");
        assertThatThrownBy(() -> small.parse("[{},{},{},{}]", InventoryFormat.JSON, "big.json"))
                .hasMessage("big.json has more than 3 elements. Split it into smaller files and import them one by one.");
        assertThat(small.parse(fourRows.substring(0, fourRows.lastIndexOf("d,")), InventoryFormat.CSV, "ok.csv").instances()).hasSize(3);
    }

    @Test
    void fileLargerThanFiftyMegabytesIsRefusedBeforeReading() throws Exception {
        Path huge = temp.resolve("huge.csv");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(InventoryParser.MAX_FILE_BYTES + 1); // sparse: costs no disk
        }

        assertThatThrownBy(() -> parser.parse(huge))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessage("huge.csv is 50 MB; Knobwright imports inventories up to 50 MB. Split it into smaller files.");
    }
}
