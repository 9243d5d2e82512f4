package com.zephycloud.ledger.infra.messaging;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many segments of each processor this instance may claim: its fair share among the live
 * instances ({@link ProcessorInstances}). Axon's pooled processors claim unclaimed segments up to
 * this number and release those above it, every token claim interval: a claim is never taken from
 * another instance, so when an instance joins the others release their surplus for it, and when
 * one dies (its row and its claims time out) the others' shares grow over its segments. With S
 * segments and N instances each gets S / N, and S mod N instances one more, so that the shares
 * add up to S exactly. Which instances take one more turns from one processor to the next (the
 * processors in name order, the instances in name order): with 4 segments on 3 instances, each
 * instance holds 2 segments of a third of the processors, not the first instance 2 of every one;
 * with 1 segment, the processors themselves are dealt out over the instances.
 */
public class FairShare implements MaxSegmentProvider {

    private final JdbcTemplate jdbc;
    private volatile ProcessorInstances instances;
    private volatile Map<String, Processor> processors = Map.of();

    public FairShare(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void instances(ProcessorInstances instances) {
        this.instances = instances;
    }

    /** Reads each processor's number of segments from the token store (they change only by a split or merge). */
    public void refresh() {
        Map<String, Integer> counts = new TreeMap<>();
        jdbc.query("SELECT processor_name, count(*) FROM token_entry GROUP BY processor_name",
                row -> {
                    counts.put(row.getString(1), row.getInt(2));
                });
        Map<String, Processor> known = new HashMap<>();
        int turn = 0;
        for (Map.Entry<String, Integer> processor : counts.entrySet()) {
            known.put(processor.getKey(), new Processor(processor.getValue(), turn++));
        }
        processors = known;
    }

    @Override
    public int getMaxSegments(String processor) {
        Processor known = processors.get(processor);
        ProcessorInstances live = instances;
        if (known == null || live == null) {
            return Short.MAX_VALUE; // not known yet: claim what is free, as Axon does by default
        }
        List<String> names = live.live();
        int rank = Math.max(0, names.indexOf(live.self()));
        return share(known.segments(), names.size(), rank, known.turn());
    }

    /**
     * The share of the instance of {@code rank} among {@code instances} in a processor of
     * {@code segments}, the {@code turn}-th processor: the instances from rank {@code turn}
     * (modulo their number) on take the remainder.
     */
    static int share(int segments, int instances, int rank, int turn) {
        int place = Math.floorMod(rank - turn, instances);
        return segments / instances + (place < segments % instances ? 1 : 0);
    }

    /** A processor's segment count and its place among the processors in name order. */
    private record Processor(int segments, int turn) {
    }
}
