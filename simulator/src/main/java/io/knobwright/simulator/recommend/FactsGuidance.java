package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.simulator.model.Estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The vendors' documented guidance for SQL Server and Oracle, applied to the instance's facts (RAM, CPUs) and to
 * whatever workload was measured (peak sessions). Each proposal says which of the two it rests on; decision 0153
 * quotes the sources.
 */
final class FactsGuidance {

    private static final double MB = 1024 * 1024;
    private static final double GB = 1024 * MB;

    private FactsGuidance() {
    }

    static List<RuleProposal> sqlServer(RecommendationRequest request, Configuration today, boolean measured) {
        List<RuleProposal> out = new ArrayList<>();
        double ram = request.machine().memoryBytes();
        int cpus = request.machine().cpus();
        Confidence confidence = Confidence.LOW;
        double limit = FactsMemoryBudget.of(request, today).limit();
        double now = MySqlMemoryBudget.bytes(today, "max server memory (MB)");
        if (today.text("max server memory (MB)") != null && (now > limit || now < 0.75 * limit)) {
            double to = Math.floor(limit / (512 * MB)) * 512 * MB;
            text(request, "max server memory (MB)", to).ifPresent(t -> out.add(new RuleProposal(
                    "max server memory (MB)", t, Recommendation.Reason.VENDOR_GUIDANCE, confidence,
                    facts(request, List.of()),
                    (now > limit ? "max server memory lets SQL Server take "
                            + (now >= ram ? "all of the host's " + Texts.bytes(ram) + " (it is at "
                            + today.text("max server memory (MB)") + " MB)" : Texts.bytes(now) + " of the host's "
                            + Texts.bytes(ram)) + ", leaving the operating system too little"
                            : "max server memory leaves " + Texts.bytes(ram - now) + " of " + Texts.bytes(ram)
                            + " outside SQL Server, more than the operating system needs")
                            + ". Microsoft recommends an upper limit in every version; " + Texts.bytes(to) + " keeps "
                            + Texts.bytes(ram - to) + " for the OS (1 GB, 1 GB per 4 GB up to 16 GB, 1 GB per 8 GB "
                            + "above). Lower it further if other services share the host.",
                    List.of(new MetricChange("osReserveBytes", "B", Estimate.exact(Math.max(0, ram - now)),
                            Estimate.exact(ram - to))))));
        }
        double maxdop = today.text("max degree of parallelism") == null ? Double.NaN
                : today.value("max degree of parallelism");
        int target = Math.min(cpus, 8);
        boolean tooWide = maxdop == 0 ? cpus > 8 : maxdop > target;
        if (cpus > 1 && !Double.isNaN(maxdop) && tooWide) {
            text(request, "max degree of parallelism", target).ifPresent(t -> out.add(new RuleProposal(
                    "max degree of parallelism", t, Recommendation.Reason.VENDOR_GUIDANCE, confidence,
                    facts(request, List.of()),
                    "Microsoft's MAXDOP guidance for a server with one NUMA node: at most the logical processors up "
                            + "to 8, and 8 above (" + cpus + " CPUs here). The NUMA layout is not known to Knobwright: "
                            + "with several nodes, keep it at or below the processors of one node.", List.of())));
        }
        double threshold = today.text("cost threshold for parallelism") == null ? Double.NaN
                : today.value("cost threshold for parallelism");
        if (cpus > 1 && threshold == 5 && maxdop != 1) {
            text(request, "cost threshold for parallelism", 50).ifPresent(t -> out.add(new RuleProposal(
                    "cost threshold for parallelism", t, Recommendation.Reason.VENDOR_GUIDANCE, confidence,
                    facts(request, List.of()),
                    "The default 5 dates from hardware on which a cost unit was a second; today it sends short "
                            + "queries parallel, which costs threads and CXPACKET waits. Microsoft documents the "
                            + "default and leaves the value to testing; 50 is the usual starting point among DBAs "
                            + "(not a Microsoft figure). Check the workload's parallelism waits after the change.",
                    List.of())));
        }
        if (today.text("optimize for ad hoc workloads") != null
                && today.value("optimize for ad hoc workloads") == 0) {
            text(request, "optimize for ad hoc workloads", 1).ifPresent(t -> out.add(new RuleProposal(
                    "optimize for ad hoc workloads", t, Recommendation.Reason.VENDOR_GUIDANCE, confidence,
                    facts(request, List.of()),
                    "On the first run of an ad hoc batch SQL Server then caches a small stub instead of the whole "
                            + "plan, and the plan only when the batch runs again; Microsoft suggests it where "
                            + "single-use plans fill the plan cache. " + (measured ? "The plan cache was not read; "
                            : "No workload was measured; ") + "the cost is one more compilation of each batch that "
                            + "does run twice.", List.of())));
        }
        return out;
    }

    static List<RuleProposal> oracle(RecommendationRequest request, Configuration today, MySqlEvidence e) {
        List<RuleProposal> out = new ArrayList<>();
        double ram = request.machine().memoryBytes();
        double limit = 0.8 * ram;
        double target = MySqlMemoryBudget.bytes(today, "memory_target");
        if (target > limit) {
            double to = Math.floor(limit / (256 * MB)) * 256 * MB;
            text(request, "memory_target", to).ifPresent(t -> out.add(new RuleProposal("memory_target", t,
                    Recommendation.Reason.VENDOR_GUIDANCE, Confidence.LOW, facts(request, List.of()),
                    "memory_target " + Texts.bytes(target) + " is more than 80% of the host's " + Texts.bytes(ram)
                            + "; Oracle's tuning guide leaves 20% of physical memory to the operating system.",
                    List.of())));
        } else if (target <= 0) {
            double sga = MySqlMemoryBudget.bytes(today, "sga_target");
            double pga = MySqlMemoryBudget.bytes(today, "pga_aggregate_target");
            boolean asmm = sga > 0 && today.text("pga_aggregate_target") != null;
            if (asmm && (sga + pga > limit || sga + pga < 0.5 * limit)) {
                // the OLTP split of the tuning guide: PGA 20% of the memory given to Oracle, the SGA the rest
                double pgaTo = Math.floor(0.2 * limit / (64 * MB)) * 64 * MB;
                double sgaTo = Math.floor(0.8 * limit / (256 * MB)) * 256 * MB;
                double sgaMax = MySqlMemoryBudget.bytes(today, "sga_max_size");
                String capped = "";
                if (sgaMax > 0 && sgaTo > sgaMax) {
                    sgaTo = sgaMax;
                    capped = " (capped at sga_max_size " + Texts.bytes(sgaMax) + ", which only a restart raises)";
                }
                boolean shrinkMax = sgaMax > sgaTo;
                String why = "SGA " + Texts.bytes(sga) + " + PGA " + Texts.bytes(pga) + " is "
                        + Texts.percent((sga + pga) / ram) + " of the host's " + Texts.bytes(ram) + ". Oracle's tuning "
                        + "guide gives Oracle 80% of physical memory and, for OLTP, 20% of that to the PGA: SGA "
                        + Texts.bytes(sgaTo) + capped + ", PGA " + Texts.bytes(pgaTo) + ". For decision support "
                        + "(large sorts and hash joins) the guide gives the PGA up to 50% instead.";
                double finalSga = sgaTo;
                text(request, "sga_target", sgaTo).ifPresent(t -> out.add(new RuleProposal("sga_target", t,
                        Recommendation.Reason.VENDOR_GUIDANCE, Confidence.LOW, facts(request, List.of()), why,
                        List.of(new MetricChange("sgaBytes", "B", Estimate.exact(sga), Estimate.exact(finalSga))))));
                if (shrinkMax) {
                    // the SGA is reserved at sga_max_size: below it the memory is not given back without a restart
                    text(request, "sga_max_size", finalSga).ifPresent(t -> out.add(new RuleProposal("sga_max_size", t,
                            Recommendation.Reason.VENDOR_GUIDANCE, Confidence.LOW, facts(request, List.of()), why
                            + " sga_max_size comes down with it: the SGA is reserved up to it.", List.of())));
                }
                text(request, "pga_aggregate_target", pgaTo).ifPresent(t -> out.add(new RuleProposal(
                        "pga_aggregate_target", t, Recommendation.Reason.VENDOR_GUIDANCE, Confidence.LOW,
                        facts(request, List.of()), why, List.of())));
            }
        }
        double processes = today.text("processes") == null ? Double.NaN : today.value("processes");
        if (!Double.isNaN(processes) && e.peakConnections() > 0) {
            // background processes take their share: Oracle counts them in processes; 50 is room for a typical set
            double need = e.peakConnections() * 1.25 + 50;
            if (processes < need) {
                double to = Math.ceil(need / 50) * 50;
                text(request, "processes", to).ifPresent(t -> out.add(new RuleProposal("processes", t,
                        Recommendation.Reason.SIZED_TO_MEASURED, Confidence.MEDIUM,
                        facts(request, List.of(new Evidence(Evidence.Kind.MEASURED, Measurements.PEAK_CONNECTIONS,
                                Texts.number(e.peakConnections()), "most sessions at once"))),
                        "The measured peak of " + (long) e.peakConnections() + " sessions plus Oracle's background "
                                + "processes come close to processes " + (long) processes + "; new sessions beyond it "
                                + "fail with ORA-00020. A quarter above the peak plus 50 background processes.",
                        List.of())));
            }
        }
        double cursors = today.text("open_cursors") == null ? Double.NaN : today.value("open_cursors");
        if (!Double.isNaN(cursors) && cursors < 300) {
            text(request, "open_cursors", 300).ifPresent(t -> out.add(new RuleProposal("open_cursors", t,
                    Recommendation.Reason.VENDOR_GUIDANCE, Confidence.LOW, facts(request, List.of()),
                    "open_cursors " + (long) cursors + " can make an application that keeps statements open fail with "
                            + "ORA-01000. Oracle's reference: set it high enough that applications do not run out, and "
                            + "a session that opens fewer cursors pays nothing for a higher limit; 300 is what DBCA "
                            + "sets.", List.of())));
        }
        return out;
    }

    private static Optional<String> text(RecommendationRequest request, String parameter, double amount) {
        return request.catalog().find(parameter).flatMap((ParameterSpec spec) -> CatalogValues.text(spec, amount));
    }

    private static List<Evidence> facts(RecommendationRequest request, List<Evidence> measured) {
        List<Evidence> out = new ArrayList<>(measured);
        out.add(new Evidence(Evidence.Kind.FACT, "memoryBytes", Texts.bytes(request.machine().memoryBytes()),
                "RAM of the host"));
        out.add(new Evidence(Evidence.Kind.FACT, "cpus", String.valueOf(request.machine().cpus()), "CPUs of the host"));
        return out;
    }
}
