package io.knobwright.simulator.recommend;

import io.knobwright.model.engine.Engine;

import java.util.Optional;

/**
 * SQL Server's and Oracle's memory settings must leave the operating system its share of RAM (decision 0153):
 * <ul>
 *   <li>SQL Server: max server memory (MB) <= RAM - reserve, the reserve 1 GB for the OS plus 1 GB per 4 GB of the
 *   first 16 GB and 1 GB per 8 GB above (the reserve Microsoft's field engineers published and AWS's prescriptive
 *   guidance for SQL Server repeats; Microsoft's own page asks for "an upper limit" without a formula).</li>
 *   <li>Oracle: memory_target when automatic memory management is on, else sga_target (or sga_max_size where larger)
 *   + pga_aggregate_target, <= 80% of RAM (Oracle Database Performance Tuning Guide: "leave 20% of the physical
 *   memory for the operating system").</li>
 * </ul>
 */
public final class FactsMemoryBudget implements Constraint {

    private static final double MB = 1024 * 1024;
    private static final double GB = 1024 * MB;

    /** @param used the bytes the settings let the server take; @param limit what RAM leaves for it */
    public record Breakdown(double used, double limit, double ram, String terms) {
        public boolean fits() {
            return used <= limit;
        }

        public String describe() {
            return terms + (terms.contains(" + ") ? " = " + Texts.bytes(used) : "") + ", above the " + Texts.bytes(limit) + " that " + Texts.bytes(ram)
                    + " of RAM leaves after the operating system's share";
        }
    }

    @Override
    public String name() {
        return "memory budget";
    }

    @Override
    public Optional<String> violation(Candidate candidate) {
        Breakdown b = of(candidate.request(), candidate.proposed());
        return b.fits() ? Optional.empty() : Optional.of("The settings let the server take more memory than the "
                + "budget allows: " + b.describe() + ".");
    }

    public static Breakdown of(RecommendationRequest request, Configuration c) {
        double ram = request.machine().memoryBytes();
        if (request.catalog().engineVersion().engine() == Engine.SQLSERVER) {
            double max = MySqlMemoryBudget.bytes(c, "max server memory (MB)");
            return new Breakdown(max, Math.max(ram - sqlServerReserve(ram), ram / 2), ram, "max server memory " + Texts.bytes(max));
        }
        double target = MySqlMemoryBudget.bytes(c, "memory_target");
        if (target > 0) {
            return new Breakdown(target, 0.8 * ram, ram, "memory_target " + Texts.bytes(target));
        }
        double sga = Math.max(MySqlMemoryBudget.bytes(c, "sga_target"), MySqlMemoryBudget.bytes(c, "sga_max_size"));
        double pga = MySqlMemoryBudget.bytes(c, "pga_aggregate_target");
        return new Breakdown(sga + pga, 0.8 * ram, ram, "SGA " + Texts.bytes(sga) + " + pga_aggregate_target "
                + Texts.bytes(pga));
    }

    /** 1 GB, plus 1 GB per 4 GB up to 16 GB, plus 1 GB per 8 GB above 16 GB. */
    static double sqlServerReserve(double ram) {
        return GB + Math.min(ram, 16 * GB) / 4 + Math.max(0, ram - 16 * GB) / 8;
    }
}
