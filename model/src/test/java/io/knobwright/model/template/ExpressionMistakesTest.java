package io.knobwright.model.template;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mistakes people make in template expressions, as the editor and `template validate` report them. */
class ExpressionMistakesTest {

    private static final long GB = 1024L * 1024 * 1024;
    private static final HardwareFacts SERVER = new HardwareFacts(16, 64 * GB, DiskType.SSD, 1024 * GB);

    private final TemplateResolver resolver = new TemplateResolver(name -> Optional.empty());

    private List<ResolvedParameter> resolve(String parameter, String expression) {
        TemplateVersion t = new TemplateVersion(new Template("t", Engine.POSTGRESQL, List.of(), null,
                List.of(TemplateEntry.expression(parameter, expression, "")), false, ""), 1, "lin", Instant.EPOCH, "");
        return resolver.resolve(t, SERVER, TestCatalogs.postgres16());
    }

    @Test
    void functionWithTooFewOrTooManyArgumentsSaysHowManyItTakes() {
        assertThatThrownBy(() -> resolve("work_mem", "min()"))
                .hasMessage("Template 't', work_mem: Column 1: min takes at least 1 argument, got 0");
        assertThatThrownBy(() -> resolve("work_mem", "clamp(RAM / 100, 64MB)"))
                .hasMessage("Template 't', work_mem: Column 1: clamp takes 3 arguments, got 2");
        assertThatThrownBy(() -> resolve("work_mem", "round(RAM / 100, 2)"))
                .hasMessage("Template 't', work_mem: Column 1: round takes 1 argument, got 2");
    }

    @Test
    void clampWithBoundsTheWrongWayRoundIsRefused() {
        assertThatThrownBy(() -> resolve("work_mem", "clamp(RAM / 100, 1GB, 64MB)"))
                .hasMessage("Template 't', work_mem: Column 1: clamp lower bound 1073741824 bytes is above upper bound 67108864 bytes");
    }

    @Test
    void clampOfASizeBetweenPlainNumbersIsRefused() {
        assertThatThrownBy(() -> resolve("work_mem", "clamp(RAM / 100, 1, 64MB)"))
                .hasMessageStartingWith("Template 't', work_mem: Column 1: clamp mixes ")
                .hasMessageContaining("and 1 (");
    }

    @Test
    void strayClosingParenthesisIsPointedAt() {
        assertThatThrownBy(() -> resolve("work_mem", "RAM / 4)"))
                .hasMessage("Template 't', work_mem: In 'RAM / 4)', column 8: unexpected ')'");
    }

    @Test
    void absurdlyDeepNestingIsRefusedRatherThanOverflowingTheStack() {
        String deep = "(".repeat(60) + "RAM" + ")".repeat(60);

        assertThatThrownBy(() -> resolve("work_mem", deep)).hasMessageContaining("the expression nests too deeply");
    }

    @Test
    void percentWithoutOfIsAPlainFraction() {
        assertThat(resolve("maintenance_work_mem", "25% * RAM / 16")).singleElement()
                .satisfies(p -> assertThat(p.value()).isEqualTo(String.valueOf(GB / 1024)));
    }
}
