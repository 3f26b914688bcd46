package io.knobwright.app.governance;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.knobwright.model.audit.AuditRecord;
import io.knobwright.model.audit.AuditRepository;
import io.knobwright.model.audit.AuditVerification;
import io.knobwright.model.audit.AuditVerifier;
import io.knobwright.model.audit.AuditChain;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Checks the audit chain and writes it out. Both stream the records, so a chain of millions is never held in
 * memory. The exports carry every field the hash covers, so anyone can check them without Knobwright (decision 0115).
 */
public final class AuditService {

    public enum Format { CSV, JSON }

    private final AuditRepository audit;

    public AuditService(AuditRepository audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    public AuditVerification verify() {
        // The head first: a record appended while we read is then past the head, not mistaken for one added outside.
        var head = audit.head();
        AuditVerifier verifier = new AuditVerifier();
        audit.forEach(r -> r.seq() <= head.seq() ? verifier.accept(r) : false);
        return verifier.finish(head);
    }

    public List<AuditRecord> newest(int limit) {
        return audit.newest(limit);
    }

    public List<AuditRecord> about(String subject) {
        return audit.about(subject);
    }

    /** Writes every record in order; returns how many. */
    public long export(Format format, OutputStream out) throws IOException {
        return format == Format.CSV ? csv(out) : json(out);
    }

    private long csv(OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write("seq,at,actor,action,subject,before,after,reason,previous_hash,hash\r\n");
        long[] count = {0};
        try {
            audit.forEach(r -> {
                try {
                    w.write(String.join(",", Long.toString(r.seq()), AuditChain.canonical(r.at()), cell(r.actor()), cell(r.action()),
                            cell(r.subject()), cell(r.before()), cell(r.after()), cell(r.reason()), r.previousHash(), r.hash()));
                    w.write("\r\n");
                    count[0]++;
                    return true;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        w.flush();
        return count[0];
    }

    /**
     * RFC 4180 quoting; a cell a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with a quote
     * character inside the quotes, so that opening an export cannot execute anything a hostile value carried.
     */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private long json(OutputStream out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        g.useDefaultPrettyPrinter();
        g.writeStartArray();
        long[] count = {0};
        try {
            audit.forEach(r -> {
                try {
                    g.writeStartObject();
                    g.writeNumberField("seq", r.seq());
                    g.writeStringField("at", AuditChain.canonical(r.at()));
                    g.writeStringField("actor", r.actor());
                    g.writeStringField("action", r.action());
                    g.writeStringField("subject", r.subject());
                    g.writeStringField("before", r.before());
                    g.writeStringField("after", r.after());
                    g.writeStringField("reason", r.reason());
                    g.writeStringField("previousHash", r.previousHash());
                    g.writeStringField("hash", r.hash());
                    g.writeEndObject();
                    count[0]++;
                    return true;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        g.writeEndArray();
        g.flush();
        return count[0];
    }
}
